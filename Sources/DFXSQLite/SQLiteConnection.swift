internal import CSQLite3
import DFXBasics
import DFXSQL
import Foundation

/// One connection to a SQLite database file. Owns its `sqlite3` handle (closed in `deinit`);
/// opened in WAL mode with a busy timeout so that readers and one writer do not block each other.
public final class SQLiteConnection {
    private let handle: OpaquePointer

    /// Opens (creating if needed) the database at `path`; `:memory:` for a private in-memory one.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(DatabaseError) {
        if path != ":memory:", let slash = path.lastIndex(of: "/") {
            let folder = String(path[..<slash])
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &pointer, flags, nil)
        guard status == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let pointer { sqlite3_close_v2(pointer) }
            throw DatabaseError(message: "cannot open SQLite database \(path): \(message)", code: String(status))
        }
        handle = pointer
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
        if path != ":memory:" { try query("pragma journal_mode = wal") }
    }

    deinit { sqlite3_close_v2(handle) }

    /// The SQLite library's version (`3.40.1`).
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs one statement and returns its rows as text (NULL as nil).
    @discardableResult
    public func query(_ sql: String) throws(DatabaseError) -> [[String?]] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK, let statement else { throw currentError(sql) }
        defer { sqlite3_finalize(statement) }
        var rows: [[String?]] = []
        let columns = Int(sqlite3_column_count(statement))
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw currentError(sql) }
            var row: [String?] = []
            row.reserveCapacity(columns)
            for column in 0..<Int32(columns) {
                if sqlite3_column_type(statement, column) == SQLITE_NULL {
                    row.append(nil)
                } else if let text = sqlite3_column_text(statement, column) {
                    row.append(String(cString: text))
                } else {
                    row.append(nil)
                }
            }
            rows.append(row)
        }
        return rows
    }

    private func currentError(_ sql: String) -> DatabaseError {
        let offset = sqlite3_error_offset(handle)
        return DatabaseError(
            message: String(cString: sqlite3_errmsg(handle)), code: String(sqlite3_extended_errcode(handle)),
            position: offset >= 0 ? Int(offset) + 1 : nil, statement: sql)
    }
}
