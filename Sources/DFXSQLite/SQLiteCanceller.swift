internal import CSQLite3
import DFXSQL

/// Interrupts the statement running on one SQLite connection (`sqlite3_interrupt`), from any
/// thread. It keeps the database handle open, so it stays safe to call after the connection is
/// released. When no statement runs, the interrupt does nothing.
public final class SQLiteCanceller: StatementCanceller, Sendable {
    private let database: SQLiteHandle

    init(database: SQLiteHandle) { self.database = database }

    @discardableResult
    public func cancel() -> Bool {
        sqlite3_interrupt(database.pointer)
        return true
    }
}
