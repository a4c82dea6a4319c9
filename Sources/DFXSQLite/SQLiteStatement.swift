internal import CSQLite3
import DFXSQL

/// One prepared SQLite statement, reused for many executions (bulk inserts bind and step it once
/// per row). Owns its `sqlite3_stmt` (finalized in `deinit`) and keeps its database open. Not
/// `Sendable`: it belongs to its connection's worker.
public final class SQLiteStatement {
    private let database: SQLiteHandle
    let pointer: OpaquePointer
    /// The statement's text, for errors.
    public let sql: String

    init(database: SQLiteHandle, pointer: OpaquePointer, sql: String) {
        self.database = database
        self.pointer = pointer
        self.sql = sql
    }

    deinit { sqlite3_finalize(pointer) }

    /// Binds `parameters`, runs the statement to completion and returns the rows it changed.
    @discardableResult
    public func execute(_ parameters: [SQLValue] = []) throws(DatabaseError) -> Int {
        try step(parameters, decode: { _, _ in () }).changes
    }

    /// Binds `parameters`, runs the statement and returns its typed rows.
    public func query(_ parameters: [SQLValue] = []) throws(DatabaseError) -> QueryResult {
        let outcome = try step(parameters, decode: Self.typedRow)
        return QueryResult(columns: Self.columns(of: pointer), rows: outcome.rows, rowsAffected: outcome.changes)
    }

    private func step<Row>(_ parameters: [SQLValue], decode: (OpaquePointer, Int32) -> Row) throws(DatabaseError) -> (rows: [Row], changes: Int) {
        sqlite3_reset(pointer)
        sqlite3_clear_bindings(pointer)
        try Self.bind(parameters, to: pointer, database: database, sql: sql)
        defer { sqlite3_reset(pointer) }
        return try Self.run(pointer, database: database, sql: sql, decode: decode)
    }

    /// Steps `statement` until it is done, decoding each row; the changes it made when it writes.
    static func run<Row>(
        _ statement: OpaquePointer, database: SQLiteHandle, sql: String, byteBase: Int = 0, decode: (OpaquePointer, Int32) -> Row
    ) throws(DatabaseError) -> (rows: [Row], changes: Int) {
        database.progressLimit?.restart()
        let before = sqlite3_total_changes64(database.pointer)
        let columnCount = sqlite3_column_count(statement)
        var rows: [Row] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw database.error(statement: sql, byteBase: byteBase).error }
            rows.append(decode(statement, columnCount))
        }
        let wrote = sqlite3_stmt_readonly(statement) == 0 && sqlite3_total_changes64(database.pointer) != before
        return (rows, wrote ? Int(sqlite3_changes64(database.pointer)) : 0)
    }

    /// The columns of `statement`, with their declared types (empty for expressions).
    static func columns(of statement: OpaquePointer) -> [SQLColumn] {
        (0..<sqlite3_column_count(statement)).map { index in
            SQLColumn(
                name: sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "",
                typeName: sqlite3_column_decltype(statement, index).map { String(cString: $0) } ?? "")
        }
    }

    /// The current row, each value typed by its storage class (`sqlite3_column_type`).
    static func typedRow(_ statement: OpaquePointer, _ columnCount: Int32) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(Int(columnCount))
        for column in 0..<columnCount {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: values.append(.int(sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT: values.append(.double(sqlite3_column_double(statement, column)))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(statement, column))
                let base = sqlite3_column_blob(statement, column)
                values.append(.bytes(base.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []))
            case SQLITE_TEXT:
                let base = sqlite3_column_text(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                values.append(.text(base.map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""))
            default: values.append(.null)
            }
        }
        return values
    }

    /// The current row as `sqlite3_column_text` prints it (NULL as nil).
    static func textRow(_ statement: OpaquePointer, _ columnCount: Int32) -> [String?] {
        (0..<columnCount).map { column in
            guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column) else {
                return nil
            }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
        }
    }
}
