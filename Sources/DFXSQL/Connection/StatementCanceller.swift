/// Cancels whatever statement a connection is running, from any thread.
///
/// A connection hands one out with `WarehouseConnection.makeCanceller()`; the scheduler keeps it
/// while a worker runs a node and calls `cancel()` on Ctrl-C or SIGTERM (from a signal-handling
/// thread or task, never from inside a signal handler). Cancelling when nothing runs does nothing
/// to later statements. The statement that is cancelled fails with a `DatabaseError`: SQLSTATE
/// `57014` on PostgreSQL, result code `9` (`SQLITE_INTERRUPT`) on SQLite. A canceller keeps what
/// it needs of the connection alive, so it stays safe to call after the connection is released.
public protocol StatementCanceller: AnyObject, Sendable {
    /// Asks the warehouse to stop the running statement. Returns false when the request could not
    /// be sent (PostgreSQL: the cancel connection failed); the statement may then run on.
    @discardableResult
    func cancel() -> Bool
}
