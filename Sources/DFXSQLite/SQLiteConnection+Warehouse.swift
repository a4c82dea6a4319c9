internal import CSQLite3
import DFXSQL

extension SQLiteConnection: WarehouseConnection {
    /// SQLite's dialect.
    public var dialect: SQLDialect { .sqlite }

    @discardableResult
    public func execute(_ sql: String, parameters: [SQLValue]) throws(DatabaseError) -> Int {
        try run(sql, parameters: parameters, decode: { _, _ in () }).changes
    }

    public func query(_ sql: String, parameters: [SQLValue]) throws(DatabaseError) -> QueryResult {
        let outcome = try run(sql, parameters: parameters, decode: SQLiteStatement.typedRow)
        return QueryResult(columns: outcome.columns, rows: outcome.rows, rowsAffected: outcome.changes)
    }

    /// True between `begin` and `commit`/`rollback` (SQLite is not in autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// `begin immediate`: takes the write lock now, waiting up to the busy timeout for it.
    public func beginTransaction() throws(DatabaseError) {
        try execute("begin immediate", parameters: [])
    }

    /// Inserts `rows` with one prepared `insert into table (columns) values (?, ...)`.
    @discardableResult
    public func loadRows<Rows: Sequence>(into table: String, columns: [String], rows: Rows) throws(DatabaseError) -> Int
    where Rows.Element == [SQLValue] {
        let names = columns.map(dialect.quoteIdentifier).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return try insertRows("insert into \(table) (\(names)) values (\(placeholders))", rows: rows)
    }

    public func makeCanceller() -> any StatementCanceller { SQLiteCanceller(database: database) }
}
