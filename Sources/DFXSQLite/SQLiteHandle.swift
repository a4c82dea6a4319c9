internal import CSQLite3

/// Owns one `sqlite3` handle, closed (`sqlite3_close_v2`) when the last holder releases it: the
/// connection, its prepared statements and its canceller all hold it, so the handle outlives
/// every statement prepared on it.
///
/// `@unchecked Sendable` only so that a canceller can call `sqlite3_interrupt` from another thread,
/// which SQLite allows while the handle is open (and it is, while the canceller holds this).
final class SQLiteHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The statement time limit in force (`withStatementTimeout`), restarted by each statement.
    /// Only the connection's own thread touches it.
    var progressLimit: ProgressLimit?

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { sqlite3_close_v2(pointer) }

    /// The connection's current error, with the 1-based character position of the failing token
    /// in `statement` when SQLite reports one (its byte offset is relative to the statement text
    /// starting at byte `byteBase` of `statement`).
    func error(statement: String, byteBase: Int = 0) -> DatabaseErrorBuilder {
        let offset = Int(sqlite3_error_offset(pointer))
        return DatabaseErrorBuilder(
            message: String(cString: sqlite3_errmsg(pointer)), code: Int(sqlite3_extended_errcode(pointer)),
            byteOffset: offset >= 0 ? byteBase + offset : nil, statement: statement)
    }
}
