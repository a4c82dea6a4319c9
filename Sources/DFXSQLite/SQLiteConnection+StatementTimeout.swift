internal import CSQLite3
import DFXSQL

extension SQLiteConnection {
    /// Runs `body` with every statement limited to `milliseconds` of run time (nil: no limit).
    ///
    /// SQLite has no `statement_timeout`: a progress handler checks the clock every few thousand
    /// virtual-machine steps and interrupts a statement that runs past the limit. Such a statement
    /// fails with result code `9` and the message PostgreSQL uses, `canceling statement due to
    /// statement timeout`. The limit applies to each statement, from when it starts stepping. Calls
    /// nest: an inner call's limit applies inside its body, the outer one's again afterwards.
    public func withStatementTimeout<Result>(milliseconds: Int?, _ body: () throws -> Result) throws -> Result {
        guard let milliseconds else { return try body() }
        let limit = ProgressLimit(milliseconds: milliseconds)
        let outer = database.progressLimit
        install(limit)
        defer { install(outer) }
        do {
            return try body()
        } catch var error as DatabaseError where limit.fired && error.code == String(SQLITE_INTERRUPT) {
            error.message = "canceling statement due to statement timeout (\(milliseconds) ms)"
            throw error
        }
    }
}

extension SQLiteConnection {
    /// Makes `limit` (nil: none) the one the progress handler enforces. The handle keeps the limit
    /// alive while it is installed, so the handler's context pointer stays valid.
    private func install(_ limit: ProgressLimit?) {
        database.progressLimit = limit
        guard let limit else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            return
        }
        sqlite3_progress_handler(
            handle, 4096,
            { context in
                guard let context else { return 0 }
                return Unmanaged<ProgressLimit>.fromOpaque(context).takeUnretainedValue().expired() ? 1 : 0
            }, Unmanaged.passUnretained(limit).toOpaque())
    }
}

/// The run-time limit a progress handler enforces, restarted when each statement starts stepping.
final class ProgressLimit {
    private let duration: Duration
    private var start = ContinuousClock.now
    private(set) var fired = false

    init(milliseconds: Int) { duration = .milliseconds(max(0, milliseconds)) }

    /// Starts the clock for the next statement.
    func restart() {
        start = ContinuousClock.now
        fired = false
    }

    func expired() -> Bool {
        if ContinuousClock.now - start > duration { fired = true }
        return fired
    }
}
