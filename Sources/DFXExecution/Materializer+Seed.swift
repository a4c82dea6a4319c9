import DFXSQL
import DFXSeed

extension Materializer {
    /// Loads `seed` into a new table next to `target` (typed columns, rows by COPY on PostgreSQL,
    /// one prepared insert in one transaction on SQLite) and swaps it in; returns the rows loaded.
    @discardableResult
    public func loadSeed(_ target: RelationName, seed: SeedTable, extras: [any SQLStatement] = []) throws -> Int {
        let built = intermediate(target, "tmp")
        let loaded: Int
        do {
            dropQuietly(built)
            let columns = seed.columns.map { RelationColumn(name: $0.name, dataType: $0.type.sqlType(for: dialect)) }
            try run(CreateTableStatement(relation: built, columns: columns))
            var rows: [[SQLValue]] = []
            rows.reserveCapacity(seed.rowCount)
            switch dialect.kind {
            case .postgres:
                // Text as written: the server converts it to each column's type, losing nothing.
                try seed.forEachRecord { record in rows.append(record.map { $0.map(SQLValue.text) ?? .null }) }
            case .sqlite:
                try seed.forEachRow { values in rows.append(values.map(Self.sqlValue)) }
            }
            log.record("-- \(rows.count) rows loaded into \(built.rendered(dialect)) from \(seed.path)")
            loaded = try connection.loadRows(into: built.rendered(dialect), columns: seed.columnNames, rows: rows)
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
