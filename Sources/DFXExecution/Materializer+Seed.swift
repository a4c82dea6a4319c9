import DFXSQL
import DFXSeed

extension Materializer {
    /// Loads `seed` into a new table next to `target` (typed columns; on PostgreSQL the file's text
    /// streamed by COPY, one chunk at a time; on SQLite one prepared insert in one transaction) and
    /// swaps it in; returns the rows loaded.
    @discardableResult
    public func loadSeed(_ target: RelationName, seed: SeedTable, extras: [any SQLStatement] = []) throws -> Int {
        let built = intermediate(target, "tmp")
        let loaded: Int
        do {
            dropQuietly(built)
            let columns = seed.columns.map { RelationColumn(name: $0.name, dataType: $0.type.sqlType(for: dialect)) }
            try run(CreateTableStatement(relation: built, columns: columns))
            let into = built.rendered(dialect)
            log.record("-- \(seed.rowCount) rows loaded into \(into) from \(seed.path)")
            if dialect.kind == .postgres, let copier = connection as? any CopyTextLoading {
                // Text as written, streamed: the server converts it to each column's type, losing nothing.
                loaded = try seed.withCopyTextChunks { next in
                    try copier.loadCopyText(into: into, columns: seed.columnNames, chunks: next)
                }
            } else {
                var rows: [[SQLValue]] = []
                rows.reserveCapacity(seed.rowCount)
                switch dialect.kind {
                case .postgres:
                    try seed.forEachRecord { record in rows.append(record.map { $0.map(SQLValue.text) ?? .null }) }
                case .sqlite:
                    try seed.forEachRow { values in rows.append(values.map(Self.sqlValue)) }
                }
                loaded = try connection.loadRows(into: into, columns: seed.columnNames, rows: rows)
            }
        } catch {
            dropQuietly(built)
            throw MaterializationError.wrapping(error)
        }
        try swap(into: target, from: built, type: .table, extras: extras)
        return loaded
    }

    static func sqlValue(_ value: SeedValue) -> SQLValue {
        switch value {
        case .null: return .null
        case .integer(let number): return .int(number)
        case .real(let number): return .double(number)
        case .text(let text): return .text(text)
        }
    }
}
