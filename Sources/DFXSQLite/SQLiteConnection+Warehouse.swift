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

    public func makeCanceller() -> any StatementCanceller { SQLiteCanceller(database: database) }
}
