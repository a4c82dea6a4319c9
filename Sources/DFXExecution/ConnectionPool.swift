import DFXSQL
import Foundation

/// One connection per worker, opened on first use.
final class ConnectionPool: @unchecked Sendable {
    private let lock = NSLock()
    private var connections: [Int: any WarehouseConnection] = [:]
    private let open: @Sendable () throws -> any WarehouseConnection

    init(open: @escaping @Sendable () throws -> any WarehouseConnection) {
        self.open = open
    }

    /// The connection of `worker`; only that worker uses it.
    func connection(for worker: Int) throws -> any WarehouseConnection {
        lock.lock()
        let existing = connections[worker]
        lock.unlock()
        if let existing { return existing }
        let connection = try open()
        if connection.dialect.kind == .sqlite {
            // A table rename must not rewrite the views that name it: they keep pointing at the name.
            try connection.execute("pragma legacy_alter_table = on")
        }
        lock.lock()
        connections[worker] = connection
        lock.unlock()
        return connection
    }

    /// Closes every connection.
    func close() {
        lock.lock()
        connections = [:]
        lock.unlock()
    }
}
