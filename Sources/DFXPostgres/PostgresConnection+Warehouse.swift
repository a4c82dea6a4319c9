internal import CLibPQ
import DFXSQL

extension PostgresConnection: WarehouseConnection {
    /// PostgreSQL's dialect.
    public var dialect: SQLDialect { .postgres }

    @discardableResult
    public func execute(_ sql: String, parameters: [SQLValue]) throws(DatabaseError) -> Int {
        try run(sql, parameters: parameters).rowsAffected
    }

    public func query(_ sql: String, parameters: [SQLValue]) throws(DatabaseError) -> QueryResult {
        try run(sql, parameters: parameters).queryResult
    }

    /// True inside a transaction block, including one that failed and awaits `rollback()`.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    public func beginTransaction() throws(DatabaseError) {
        try execute("begin", parameters: [])
    }

    /// Streams `rows` with `COPY table (columns) FROM STDIN` in text format.
    @discardableResult
    public func loadRows<Rows: Sequence>(into table: String, columns: [String], rows: Rows) throws(DatabaseError) -> Int
    where Rows.Element == [SQLValue] {
        do {
            return try copyIn(table: table, columns: columns, rows: rows)
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError(message: "COPY into \(table) failed: \(error)")
        }
    }

    public func makeCanceller() -> any StatementCanceller { canceller }
}
