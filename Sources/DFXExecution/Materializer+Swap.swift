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
    func swap(
        into target: RelationName, from built: RelationName, type: RelationType, viewSelect: String? = nil,
        extras: [any SQLStatement] = []
    ) throws {
        do {
            // Another worker may be dropping and recreating a shared dependent right now (a view
            // reading two relations built in parallel depends on both): replacing a relation with
            // dependents holds the run's lock from listing them to commit. Listing them without it
            // is no shortcut: pg_get_viewdef locks each view it reads, in no set order, which
            // deadlocks against a swap dropping those views. The probe reads catalogs only; a
            // relation it finds no view on gets none from this run before its swap (its
            // dependents are built after it), so it swaps without the lock.
            var locked = false
            defer { if locked { dependentsLock.unlock() } }
            if try hasDependents(target) {
                dependentsLock.lock()
                locked = true
            }
            let backup = intermediate(target, "backup")
            try transaction {
                // Serialize with other dfx runs swapping the same relation, then look at what is
                // there now (another run may have replaced it while this one was building).
                try run(AdvisoryLockStatement(relation: target))
                let old = try relationType(target)
                var dependents: [DependentView] = []
                if old != nil {
                    dependents = ListDependentViewsQuery.decode(try rows(ListDependentViewsQuery(relation: target)))
                    let unmanaged = dependents.filter { !managedRelations.contains($0.relation.flatName) }
                    if !unmanaged.isEmpty {
                        throw MaterializationError(
                            "cannot replace \(target): views not managed by dfx depend on it: "
                                + unmanaged.map(\.relation.flatName).joined(separator: ", "),
                            hint: "drop or recreate those views after the run, or make them models of this project")
                    }
                }
                for view in dependents.sorted(by: { $0.depth > $1.depth }) {
                    try run(DropRelationStatement(relation: view.relation, type: view.type))
                }
                var backedUp: RelationType?
                if let old {
                    if old == .view && !dialect.supportsViewRename {
                        try run(DropRelationStatement(relation: target, type: .view))
                    } else {
                        try run(RenameRelationStatement(relation: target, newName: backup.name, type: old))
                        backedUp = old
                    }
                }
                try run(RenameRelationStatement(relation: built, newName: target.name, type: type, viewDefinition: viewSelect))
                if let backedUp { try run(DropRelationStatement(relation: backup, type: backedUp)) }
                for view in dependents.sorted(by: { $0.depth < $1.depth }) { try execute(view.createStatement) }
                for extra in extras { try run(extra) }
            }
        } catch {
            dropQuietly(built)
            throw MaterializationError.wrapping(error)
        }
    }

    /// Whether any view reads `relation` (true inside an open transaction, where a failed probe
    /// would abort the caller's work: the lock is taken and the listing decides).
    private func hasDependents(_ relation: RelationName) throws -> Bool {
        guard !connection.isInTransaction else { return true }
        return HasDependentViewsQuery.decode(try rows(HasDependentViewsQuery(relation: relation)))
    }
}
