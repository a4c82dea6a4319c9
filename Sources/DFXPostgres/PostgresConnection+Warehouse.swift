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

    public func makeCanceller() -> any StatementCanceller { canceller }
}
