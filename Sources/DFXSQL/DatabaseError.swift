import DFXBasics

/// An error reported by a warehouse, with what the database said and where.
///
/// `position` is the 1-based character offset in the statement that the server reported
/// (PostgreSQL's `P` field, SQLite's `sqlite3_error_offset` + 1), for mapping back to the model
/// file. The description never holds connection secrets.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// PostgreSQL's SQLSTATE (`42P01`), or SQLite's extended result code as text.
    public var code: String?
    public var detail: String?
    public var hint: String?
    public var position: Int?
    /// The statement that failed, when there was one.
    public var statement: String?

    public init(message: String, code: String? = nil, detail: String? = nil, hint: String? = nil, position: Int? = nil, statement: String? = nil) {
        self.message = message
        self.code = code
        self.detail = detail
        self.hint = hint
        self.position = position
        self.statement = statement
    }

    public var description: String {
        var text = message
        if let code { text += " (\(code))" }
        if let detail, !detail.isEmpty { text += "\n  detail: \(detail)" }
        if let hint, !hint.isEmpty { text += "\n  hint: \(hint)" }
        return text
    }
}
