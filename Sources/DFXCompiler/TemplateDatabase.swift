import DFXSQL
import Foundation

/// The warehouse as templates reach it while they render: `run_query()`, `{% call statement() %}`,
/// `load_result()` and `adapter.get_columns_in_relation()`.
///
/// The connection is opened on first use, so a command whose templates never query (most
/// `dfx compile` runs) never connects. Queries are serialized: concurrent renders share it one
/// statement at a time. At run time each worker passes a database over its own connection.
public final class TemplateDatabase: @unchecked Sendable {
    private let lock = NSLock()
    private let open: () throws -> any WarehouseConnection
    private var connection: (any WarehouseConnection)?
    /// The dialect the connection speaks (for introspection statements).
    public let dialect: SQLDialect

    /// A database that opens its connection with `open` when first queried.
    public init(dialect: SQLDialect, open: @escaping () throws -> any WarehouseConnection) {
        self.dialect = dialect
        self.open = open
    }

    /// A database over an open connection (a run worker's).
    public convenience init(connection: any WarehouseConnection) {
        self.init(dialect: connection.dialect, open: { connection })
    }

    /// Runs `sql` and returns its rows (for statements without rows: none, and the rows changed).
    public func query(_ sql: String) throws -> QueryResult {
        lock.lock()
        defer { lock.unlock() }
        let connection = try self.connection ?? open()
        self.connection = connection
        return try connection.query(sql, parameters: [])
    }
}
