import DFXSQL

extension Materializer {
    /// Applies an incremental model's new rows (`select`, rendered with is_incremental() true) to
    /// the existing table `target`: the rows go to an intermediate table, then one transaction
    /// adapts the columns (`on_schema_change`), applies the strategy and drops the intermediate.
    /// Returns the rows changed.
    @discardableResult
    public func applyIncremental(
        _ target: RelationName, select: String, settings: IncrementalSettings, extras: [any SQLStatement] = []
    ) throws -> Int {
        let staged = intermediate(target, "tmp")
        do {
            try run(CreateTableAsStatement(relation: staged, select: select, unlogged: true))
            let existing = try columns(target)
            let incoming = try columns(staged)
            let known = Set(existing.map { $0.name.lowercased() })
            let arriving = Set(incoming.map { $0.name.lowercased() })
            let added = incoming.filter { !known.contains($0.name.lowercased()) }
            let removed = existing.filter { !arriving.contains($0.name.lowercased()) }
            var columns = existing.filter { arriving.contains($0.name.lowercased()) }.map(\.name)
            var changes: [any SQLStatement] = []
            switch settings.onSchemaChange {
            case .ignore:
                break
            case .fail:
                if !added.isEmpty || !removed.isEmpty {
                    let parts = (added.isEmpty ? [] : ["new columns " + added.map(\.name).joined(separator: ", ")])
                        + (removed.isEmpty ? [] : ["missing columns " + removed.map(\.name).joined(separator: ", ")])
                    throw MaterializationError(
                        "the schema of \(target) changed (\(parts.joined(separator: "; "))) and on_schema_change is fail",
                        hint: "run with --full-refresh, or set on_schema_change to append_new_columns or sync_all_columns")
                }
            case .appendNewColumns, .syncAllColumns:
                changes += added.map { AddColumnStatement(relation: target, column: $0.name, dataType: $0.dataType) }
                columns += added.map(\.name)
                if settings.onSchemaChange == .syncAllColumns {
                    changes += removed.map { DropColumnStatement(relation: target, column: $0.name) }
                }
            }
            guard !columns.isEmpty else {
                throw MaterializationError("the new rows of \(target) share no column with the table")
            }
            let source = SQLSource.relation(staged)
            let strategy: any SQLStatement
            switch settings.strategy {
            case .append:
                strategy = InsertSelectStatement(relation: target, columns: columns, source: source)
            case .deleteInsert:
                strategy = DeleteInsertStatement(
                    target: target, source: source, uniqueKey: settings.uniqueKey, columns: columns,
                    incrementalPredicates: settings.predicates)
            case .merge:
                strategy = MergeStatement(
                    target: target, source: source, uniqueKey: settings.uniqueKey, columns: columns,
                    incrementalPredicates: settings.predicates)
            }
            let texts = try strategy.render(dialect)
            let changed = try transaction { () throws -> Int in
                try run(AdvisoryLockStatement(relation: target))
                for change in changes { try run(change) }
                var total = 0
                for sql in texts { total += try execute(sql) }
                try run(DropRelationStatement(relation: staged, type: .table))
                for extra in extras { try run(extra) }
                return total
            }
            return changed
        } catch {
            dropQuietly(staged)
            throw MaterializationError.wrapping(error)
        }
    }
}
