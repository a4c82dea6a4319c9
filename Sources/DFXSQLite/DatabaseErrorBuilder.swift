import DFXSQL

/// What SQLite reported about a failure, turned into a `DatabaseError` whose `position` counts
/// characters (as PostgreSQL's does), not bytes.
struct DatabaseErrorBuilder {
    var message: String
    var code: Int
    var byteOffset: Int?
    var statement: String

    var error: DatabaseError {
        var position: Int?
        if let byteOffset {
            let prefix = statement.utf8.prefix(byteOffset)
            position = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        }
        return DatabaseError(message: message, code: String(code), position: position, statement: statement)
    }
}
