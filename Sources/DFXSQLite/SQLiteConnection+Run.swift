internal import CSQLite3
import DFXSQL

extension SQLiteConnection {
    /// Prepares and runs each statement in `sql` in turn and returns the last one's columns and rows
    /// that returned columns (or the last one's, when none did) and the changes of the last writing
    /// one. `parameters` are bound to every statement that declares parameters. A failure's position
    /// counts from the start of `sql`, whichever statement failed. Unlike PostgreSQL's simple query
    /// protocol, the statements do not share an implicit transaction: those before a failure stay
    /// done unless the caller opened a transaction.
    func run<Row>(_ sql: String, parameters: [SQLValue], decode: (OpaquePointer, Int32) -> Row) throws(DatabaseError)
        -> (columns: [SQLColumn], rows: [Row], changes: Int)
    {
        let text = Array(sql.utf8CString)
        let length = text.count - 1
        var columns: [SQLColumn] = []
        var rows: [Row] = []
        var changes = 0
        var offset = 0
        var bound = false
        while offset < length {
            var prepared: OpaquePointer?
            var consumed = length - offset
            let status = text.withUnsafeBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return SQLITE_MISUSE }
                var tail: UnsafePointer<CChar>?
                let status = sqlite3_prepare_v2(handle, base + offset, Int32(clamping: length - offset), &prepared, &tail)
                if let tail { consumed = tail - (base + offset) }
                return status
            }
            guard status == SQLITE_OK else { throw database.error(statement: sql, byteBase: offset).error }
            let start = offset
            offset += max(consumed, 1)
            guard let statement = prepared else { continue }
            defer { sqlite3_finalize(statement) }
            if sqlite3_bind_parameter_count(statement) > 0 {
                try SQLiteStatement.bind(parameters, to: statement, database: database, sql: sql)
                bound = true
            }
            let outcome = try SQLiteStatement.run(statement, database: database, sql: sql, byteBase: start, decode: decode)
            if sqlite3_column_count(statement) > 0 || columns.isEmpty {
                columns = SQLiteStatement.columns(of: statement)
                rows = outcome.rows
            }
            if outcome.changes > 0 || sqlite3_stmt_readonly(statement) == 0 { changes = outcome.changes }
        }
        guard bound || parameters.isEmpty else {
            throw DatabaseError(message: "the statement has 0 parameters but \(parameters.count) values were given", statement: sql)
        }
        return (columns, rows, changes)
    }
}
