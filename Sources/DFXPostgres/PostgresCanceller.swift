internal import CLibPQ
import DFXSQL

/// Cancels the statement running on one PostgreSQL connection (`PQcancel`), from any thread.
///
/// Owns a `PGcancel` (freed in `deinit`), which holds only the server's address and the backend's
/// cancel key, not the connection: cancelling after the connection closed is harmless. `PQcancel`
/// is thread-safe, so one canceller may be shared by the scheduler and a signal-watching task.
public final class PostgresCanceller: StatementCanceller, @unchecked Sendable {
    // Immutable after init; PQcancel only reads it (libpq documents it as thread-safe).
    private let handle: OpaquePointer?

    init(connection: OpaquePointer) {
        handle = PQgetCancel(connection)
    }

    deinit {
        if let handle { PQfreeCancel(handle) }
    }

    @discardableResult
    public func cancel() -> Bool {
        guard let handle else { return false }
        var buffer = [CChar](repeating: 0, count: 256)
        return PQcancel(handle, &buffer, Int32(buffer.count)) == 1
    }
}
