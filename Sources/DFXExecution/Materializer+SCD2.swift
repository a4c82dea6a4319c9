import DFXSQL

extension Materializer {
    /// Runs one snapshot (or `scd2` model) of `select` into the history table `spec.target`, all in
    /// one transaction under the relation's advisory lock (PostgreSQL; `begin immediate` on
    /// SQLite). The source is read once: the first run creates the table from it, later runs stage
    /// it. A duplicate or NULL unique key fails the run naming the keys, and nothing is kept. Later
    /// runs add the source's new columns (and widen grown string columns), find the changes once,
    /// date returning keys after their closed history, close the replaced current rows and insert
    /// the new versions. The key index (unique key + valid-to) is created when missing. Any failure
    /// rolls everything back: the history is exactly as it was. `rebuild` drops an existing
    /// history first (an `scd2` model with `allow_history_rebuild` under `--full-refresh`);
    /// `extras` (grants, comments, indexes) run last, in the same transaction.
    @discardableResult
    public func applySCD2(_ given: SCD2Spec, select: String, rebuild: Bool = false, extras: [any SQLStatement] = []) throws -> SCD2Outcome {
        var spec = given
        let target = spec.target
        let stage = intermediate(target, "stage")
        let changes = intermediate(target, "changes")
        do {
            try spec.validate()
            return try connection.transaction { () throws -> SCD2Outcome in
                try run(AdvisoryLockStatement(relation: target))
                var existing = try relationType(target)
                if existing != nil && rebuild {
                    try run(DropRelationStatement(relation: target, type: existing ?? .table))
                    existing = nil
                }
                let outcome: SCD2Outcome
                if let existing {
                    guard existing == .table else {
                        throw MaterializationError("\(target) is a \(existing.keyword), not a history table", hint: "drop it, or point the snapshot elsewhere")
                    }
                    try run(SCD2StageStatement(stage: stage, select: select))
                    try checkKeys(spec, in: stage)
                    let staged = try columns(stage)
                    try adapt(&spec, to: staged)
                    outcome = try update(spec, stage: stage, staged: staged, changes: changes)
                    try run(DropRelationStatement(relation: stage, type: .table))
                } else {
                    // The first load reads the source once, straight into the history table, and
                    // checks the keys there: a bad key rolls the new table back.
                    let probe = try connection.fetch("select * from (\n" + select + "\n) as " + dialect.quoteIdentifier("dfx_source") + " limit 0")
                    try adapt(&spec, to: probe.columns.map { RelationColumn(name: $0.name, dataType: $0.typeName.hasPrefix("oid:") ? "" : $0.typeName) })
                    var rows = try run(SCD2CreateStatement(spec: spec, source: .query(select)))
                    try checkKeys(spec, in: target)
                    if dialect.kind == .sqlite {
                        // SQLite reports no row count for `create table as`: count the new table.
                        let counted = try connection.fetch("select count(*) from " + target.rendered(dialect)).rows.first?.first
                        if case .int(let number)? = counted { rows = Int(number) }
                    }
                    outcome = SCD2Outcome(created: true, closed: 0, inserted: rows, addedColumns: [])
                }
                try run(keyIndex(spec))
                for extra in extras { try run(extra) }
                return outcome
            }
        } catch {
            throw MaterializationError.wrapping(error)
        }
    }

    /// The index that finds a key's current row (and its last closed one): unique key + valid-to.
    func keyIndex(_ spec: SCD2Spec) -> CreateIndexStatement {
        var name = spec.target.name
        let tail = "__dfx_key"
        if let limit = dialect.maxIdentifierBytes {
            while !name.isEmpty, name.utf8.count + tail.utf8.count > limit { name.removeLast() }
        }
        return CreateIndexStatement(name: name + tail, relation: spec.target, columns: spec.uniqueKey + [spec.meta.validTo])
    }

    /// Fails naming the duplicated or NULL keys of `relation` (the staged source, or a first load).
    func checkKeys(_ spec: SCD2Spec, in relation: RelationName) throws {
        let query = SCD2KeyCheckQuery(stage: relation, uniqueKey: spec.uniqueKey)
        let problems = SCD2KeyCheckQuery.decode(try rows(query), keyCount: spec.uniqueKey.count)
        guard !problems.isEmpty else { return }
        let keyName = spec.uniqueKey.count == 1 ? spec.uniqueKey[0] : "(" + spec.uniqueKey.joined(separator: ", ") + ")"
        let listed = problems.map { problem -> String in
            let values = problem.values.map { $0 ?? "NULL" }
            let key = values.count == 1 ? values[0] : "(" + values.joined(separator: ", ") + ")"
            return "\(keyName) = \(key) (\(problem.rows) \(problem.rows == 1 ? "row" : "rows"))"
        }
        throw MaterializationError(
            "the unique_key of \(spec.target) is not unique and non-null in the source: " + listed.joined(separator: "; ")
                + "; nothing was written",
            hint: "fix the source or the unique_key; a snapshot's key must identify exactly one source row")
    }

    /// Checks that the source has the key and updated-at columns, and gives the execution time
    /// the updated-at column's type on PostgreSQL (text, date, timestamptz...), so that versions
    /// dated by the source and by the run compare and share one column type.
    func adapt(_ spec: inout SCD2Spec, to staged: [RelationColumn]) throws {
        let byName = Dictionary(staged.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for key in spec.uniqueKey where byName[key.lowercased()] == nil {
            throw MaterializationError("unique_key column \(key) is not in the source of \(spec.target)")
        }
        guard let updatedAt = spec.updatedAtColumn else { return }
        guard let column = byName[updatedAt.lowercased()] else {
            throw MaterializationError("updated_at column \(updatedAt) is not in the source of \(spec.target)")
        }
        if dialect.kind == .postgres, !column.dataType.isEmpty { spec.timeType = column.dataType }
    }

    /// Whether the source's string type `new` holds longer values than the history's `old`
    /// (`character varying(20)` over `character varying(10)`, or `text` / unbounded `character
    /// varying` over a bounded one): the history column is widened, as dbt's
    /// `expand_target_column_types` does; other type changes are left to the database.
    package static func widens(_ new: String, _ old: String) -> Bool {
        func length(_ type: String) -> (isString: Bool, limit: Int?) {
            let lowered = type.lowercased()
            if lowered == "text" || lowered == "character varying" { return (true, nil) }
            guard lowered.hasPrefix("character varying("), lowered.hasSuffix(")") else { return (false, nil) }
            return (true, Int(lowered.dropFirst("character varying(".count).dropLast()))
        }
        let (newIsString, newLimit) = length(new)
        let (oldIsString, oldLimit) = length(old)
        guard newIsString, oldIsString, let oldLimit else { return false }
        guard let newLimit else { return true }
        return newLimit > oldLimit
    }

    /// An incremental run on an existing history table.
    private func update(_ spec: SCD2Spec, stage: RelationName, staged: [RelationColumn], changes: RelationName) throws -> SCD2Outcome {
        let history = try columns(spec.target)
        let known = Set(history.map { $0.name.lowercased() })
        let required = [spec.meta.scdID, spec.meta.updatedAt, spec.meta.validFrom, spec.meta.validTo].compactMap { $0 }
        let missing = required.filter { !known.contains($0.lowercased()) }
        guard missing.isEmpty else {
            throw MaterializationError(
                "\(spec.target) is not a history table of this kind: it lacks " + missing.joined(separator: ", "),
                hint: "check snapshot_meta_column_names / valid_from / valid_to, or drop the table")
        }
        let meta = Set(spec.metaColumnNames.map { $0.lowercased() })
        let sourceColumns = staged.filter { !meta.contains($0.name.lowercased()) }
        let added = sourceColumns.filter { !known.contains($0.name.lowercased()) }
        for column in added { try run(AddColumnStatement(relation: spec.target, column: column.name, dataType: column.dataType)) }
        let historyTypes = Dictionary(history.map { ($0.name.lowercased(), $0.dataType) }, uniquingKeysWith: { first, _ in first })
        for column in sourceColumns {
            guard let old = historyTypes[column.name.lowercased()], Self.widens(column.dataType, old) else { continue }
            try run(AlterColumnTypeStatement(relation: spec.target, column: column.name, dataType: column.dataType))
        }
        if spec.hardDeletes == .newRecord && !known.contains(spec.meta.isDeleted.lowercased()) {
            try run(AddColumnStatement(relation: spec.target, column: spec.meta.isDeleted, dataType: "text"))
        }
        let names = sourceColumns.map(\.name)
        let addedNames = Set(added.map { $0.name.lowercased() })
        var checkColumns: [String] = []
        if case .check(let columns, _) = spec.strategy {
            switch columns {
            case .all: checkColumns = names
            case .list(let listed):
                let available = Set(names.map { $0.lowercased() })
                if let unknown = listed.first(where: { !available.contains($0.lowercased()) }) {
                    throw MaterializationError("check_cols names \(unknown), which the source does not have")
                }
                checkColumns = listed
            }
        }
        let everythingChanged = checkColumns.contains { addedNames.contains($0.lowercased()) }
        try run(
            SCD2ChangesStatement(
                spec: spec, stage: stage, changes: changes, columns: names, checkColumns: checkColumns,
                everythingChanged: everythingChanged))
        try run(SCD2ReopenStatement(spec: spec, changes: changes))
        let closed = try run(SCD2CloseStatement(spec: spec, changes: changes))
        var inserted = 0
        for sql in try SCD2InsertStatement(spec: spec, changes: changes, columns: names).render(dialect) {
            inserted += try execute(sql)
        }
        try run(DropRelationStatement(relation: changes, type: .table))
        return SCD2Outcome(created: false, closed: closed, inserted: inserted, addedColumns: added.map(\.name))
    }
}
