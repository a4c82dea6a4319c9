internal import CSQLite3
import DFXSQL

extension SQLiteStatement {
    /// SQLite's `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds `parameters` to `statement`'s parameters in order (`?`, `?NNN`, `:name` by index).
    ///
    /// Booleans become integers 0 and 1 (SQLite has no boolean), decimals, dates, timestamps and
    /// JSON their text, bytes a blob. The count must match the statement's parameters exactly.
    static func bind(_ parameters: [SQLValue], to statement: OpaquePointer, database: SQLiteHandle, sql: String) throws(DatabaseError) {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == parameters.count else {
            throw DatabaseError(message: "the statement has \(expected) parameters but \(parameters.count) values were given", statement: sql)
        }
        for (offset, value) in parameters.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, index)
            case .bool(let flag): status = sqlite3_bind_int64(statement, index, flag ? 1 : 0)
            case .int(let number): status = sqlite3_bind_int64(statement, index, number)
            case .double(let number): status = sqlite3_bind_double(statement, index, number)
            case .bytes(let bytes):
                status = bytes.withUnsafeBytes { buffer in
                    guard let base = buffer.baseAddress else { return sqlite3_bind_zeroblob(statement, index, 0) }
                    return sqlite3_bind_blob64(statement, index, base, sqlite3_uint64(buffer.count), transient)
                }
            case .decimal(let text), .text(let text), .date(let text), .timestamp(let text),
                .timestampWithTimeZone(let text), .json(let text):
                var text = text
                status = text.withUTF8 { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { characters in
                        // An empty buffer may have no address; a nil pointer would bind NULL.
                        guard let base = characters.baseAddress else {
                            return sqlite3_bind_text64(statement, index, "", 0, transient, UInt8(SQLITE_UTF8))
                        }
                        return sqlite3_bind_text64(statement, index, base, sqlite3_uint64(characters.count), transient, UInt8(SQLITE_UTF8))
                    }
                }
            }
            guard status == SQLITE_OK else { throw database.error(statement: sql).error }
        }
    }
}
