import DFXSQL

extension Materializer {
    /// Replaces `target` with the already built `built` (of `type`) in one transaction: the old
    /// relation is renamed aside (a SQLite view is dropped: it cannot be renamed), the new one
    /// renamed in, the old one dropped (never cascade). Views on the old relation that dfx manages
    /// are dropped first and recreated from their current definitions after the swap; if any
    /// dependent is not managed, nothing changes and the swap fails naming it. `built` is dropped
    /// on failure. `extras` (grants, comments, indexes) run last in the same transaction. On PostgreSQL
    /// the transaction first takes an advisory lock on the target's name, so concurrent dfx runs
    /// swap one relation one after the other.
    ///
    /// On PostgreSQL the transaction then locks a table target in `access exclusive` mode before
    /// listing its dependents, so no other session can create a view on it (or read it) until the
    /// swap commits and the list cannot go stale. `buildInside` runs under those locks, before the
    /// dependents are listed: views are created there, so that another run never sees (nor depends
    /// on) a half-built intermediate view.
    func swap(
        into target: RelationName, from built: RelationName, type: RelationType, viewSelect: String? = nil,
        extras: [any SQLStatement] = [], buildInside: (() throws -> Void)? = nil
    ) throws {
        do {
            // A swap that drops, creates or replaces views touches relations besides its own: the
            // views' parents (locked while a view is created) and dependents (dropped and
            // recreated). Two such swaps at once, in this run or another, could each wait for the
            // other, so they take one lock first (AdvisoryLockStatement.viewSwaps); table swaps
            // without dependent views, most of a run, go on in parallel. The probe reads catalogs
            // only (pg_get_viewdef would lock the views it reads).
            let hasDependentViews = try type == .view ? true : hasDependents(target)
            let touchesViews = type == .view || hasDependentViews
            let backup = intermediate(target, "backup")
            try transaction {
                // Serialize with other dfx runs swapping the same relation, then look at what is
                // there now (another run may have replaced it while this one was building). The
                // locks and the look are one round trip, as are the locking of a table and the
                // second look, and everything after the build.
                let locks = try texts((touchesViews ? [AdvisoryLockStatement.viewSwaps] : []) + [AdvisoryLockStatement(relation: target)])
                let old = RelationTypeQuery.decode(try rows(after: locks, RelationTypeQuery(relation: target)))
                // Dependent views are dropped before the relation is locked: readers lock a view
                // before the tables it reads, and taking the same order never deadlocks them.
                // (A table the probe found no view on is looked at once, under its lock, below.)
                var dependents = try dropDependents(of: target, exists: old != nil && (old != .table || hasDependentViews))
                if old == .table {
                    // Lock the table, then look again: a view another session created on it since
                    // the listing is dropped (and recreated) too, and none can appear from now on.
                    // (A view is not locked: PostgreSQL would lock the tables it reads as well.)
                    let lock = try texts([LockRelationStatement(relation: target)])
                    if dialect.supportsAdvisoryLocks {
                        let known = Set(dependents.map(\.relation.flatName))
                        let listed = ListDependentViewsQuery.decode(try rows(after: lock, ListDependentViewsQuery(relation: target)))
                        let late = listed.filter { !known.contains($0.relation.flatName) }
                        try dropDependents(late, of: target)
                        dependents += late
                    } else {
                        try runBatch(lock)
                    }
                }
                try buildInside?()
                var tail: [any SQLStatement] = []
                if let old {
                    if old == .view && !dialect.supportsViewRename {
                        tail.append(DropRelationStatement(relation: target, type: .view))
                        tail.append(RenameRelationStatement(relation: built, newName: target.name, type: type, viewDefinition: viewSelect))
                    } else {
                        tail.append(RenameRelationStatement(relation: target, newName: backup.name, type: old))
                        tail.append(RenameRelationStatement(relation: built, newName: target.name, type: type, viewDefinition: viewSelect))
                        tail.append(DropRelationStatement(relation: backup, type: old))
                    }
                } else {
                    tail.append(RenameRelationStatement(relation: built, newName: target.name, type: type, viewDefinition: viewSelect))
                }
                let recreate = dependents.sorted(by: { $0.depth < $1.depth }).map(\.createStatement)
                try runBatch(try texts(tail) + recreate + texts(extras))
            }
        } catch {
            dropQuietly(built)
            throw MaterializationError.wrapping(error)
        }
    }

    /// Lists the views that depend on `relation` (none when it does not exist), refuses when one is
    /// not managed by dfx, and drops them deepest first; returns them for recreation.
    private func dropDependents(of relation: RelationName, exists: Bool) throws -> [DependentView] {
        guard exists else { return [] }
        let dependents = ListDependentViewsQuery.decode(try rows(ListDependentViewsQuery(relation: relation)))
        try dropDependents(dependents, of: relation)
        return dependents
    }

    /// Refuses when a dependent is not managed by dfx, else drops them deepest first, in one message.
    private func dropDependents(_ dependents: [DependentView], of relation: RelationName? = nil) throws {
        let unmanaged = dependents.filter { !managedRelations.contains($0.relation.flatName) }
        if !unmanaged.isEmpty {
            let name = relation.map(\.description) ?? "the relation"
            throw MaterializationError(
                "cannot replace \(name): views not managed by dfx depend on it: "
                    + unmanaged.map(\.relation.flatName).joined(separator: ", "),
                hint: "drop or recreate those views after the run, or make them models of this project")
        }
        try runBatch(texts(dependents.sorted(by: { $0.depth > $1.depth }).map { DropRelationStatement(relation: $0.relation, type: $0.type) }))
    }

    /// Whether any view reads `relation` (true inside an open transaction, where a failed probe
    /// would abort the caller's work: the lock is taken and the listing decides).
    private func hasDependents(_ relation: RelationName) throws -> Bool {
        guard !connection.isInTransaction else { return true }
        return HasDependentViewsQuery.decode(try rows(HasDependentViewsQuery(relation: relation)))
    }
}
