internal import CSQLite3
import DFXBasics
import DFXSQL
import Foundation

/// One connection to a SQLite database file. Owns its `sqlite3` handle (closed when the connection,
/// its prepared statements and its canceller are gone); opened in WAL mode with a busy timeout so
/// that readers and one writer do not block each other. Not `Sendable`: one connection belongs to
/// one worker at a time (its canceller may cross threads).
public final class SQLiteConnection {
    let database: SQLiteHandle
    var handle: OpaquePointer { database.pointer }

    /// Opens (creating if needed, with its folder) the database at `path`; `:memory:` for a private
    /// in-memory one.
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
        database = SQLiteHandle(pointer)
        sqlite3_busy_timeout(pointer, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(pointer, 1)
        SQLiteFunctions.register(on: pointer)
        if path != ":memory:" { try query("pragma journal_mode = wal") }
    }

    /// The SQLite library's version (`3.40.1`).
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs `sql` (one or more statements) and returns the last statement's rows as text
    /// (`sqlite3_column_text`; NULL as nil).
    @discardableResult
    public func query(_ sql: String) throws(DatabaseError) -> [[String?]] {
        try run(sql, parameters: [], decode: SQLiteStatement.textRow).rows
    }

    /// Prepares one statement (the first in `sql`) for running many times with different
    /// parameters, e.g. one `insert` per row of a seed inside one transaction.
    public func prepare(_ sql: String) throws(DatabaseError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK else {
            throw database.error(statement: sql).error
        }
        guard let statement else { throw DatabaseError(message: "no statement to prepare", statement: sql) }
        return SQLiteStatement(database: database, pointer: statement, sql: sql)
    }

    /// Inserts `rows` with one prepared statement `sql` (one `?` per value) and returns how many
    /// rows it changed. Runs in one transaction of its own, unless one is already open (then the
    /// caller commits or rolls back).
    @discardableResult
    public func insertRows<Rows: Sequence>(_ sql: String, rows: Rows) throws(DatabaseError) -> Int where Rows.Element == [SQLValue] {
        let statement = try prepare(sql)
        let ownsTransaction = !isInTransaction
        if ownsTransaction { try beginTransaction() }
        var changed = 0
        do {
            for row in rows { changed += try statement.execute(row) }
            if ownsTransaction { try execute("commit", parameters: []) }
        } catch {
            if ownsTransaction { _ = try? execute("rollback", parameters: []) }
            throw error
        }
        return changed
    }
}
