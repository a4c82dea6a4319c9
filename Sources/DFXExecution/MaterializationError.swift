import DFXBasics
import DFXSQL

/// Why a node could not be built: a database error, a statement that could not be rendered, or a
/// refusal of dfx's own (an unmanaged dependent view, a schema change with `on_schema_change: fail`).
public struct MaterializationError: Error, Sendable, CustomStringConvertible {
    /// The one-line reason.
    public var message: String
    /// The database's error, when the database refused a statement.
    public var database: DatabaseError?
    /// How to fix it, when known.
    public var hint: String?

    public init(_ message: String, database: DatabaseError? = nil, hint: String? = nil) {
        self.message = message
        self.database = database
        self.hint = hint
    }

    /// Wraps any error thrown while materializing.
    static func wrapping(_ error: any Error) -> MaterializationError {
        if let error = error as? MaterializationError { return error }
        if let error = error as? DatabaseError { return MaterializationError("database error", database: error) }
        if let error = error as? SQLRenderError { return MaterializationError(error.message, hint: error.hint) }
        return MaterializationError(String(describing: error))
    }

    /// The error as printed under an ERROR progress line: SQLSTATE, message, detail, hint.
    public var description: String {
        guard let database else { return hint.map { message + "\n  hint: " + $0 } ?? message }
        var text = "database error"
        if let code = database.code { text += " " + code }
        text += ": " + database.message
        if let location = Self.locate(database) { text += "\n" + location }
        if let detail = database.detail, !detail.isEmpty { text += "\n  detail: " + detail }
        if let hint = database.hint ?? hint, !hint.isEmpty { text += "\n  hint: " + hint }
        return text
    }

    /// `  at line 3, column 15 of the statement:`, the line and a caret, when the database gave
    /// a position (1-based, in characters) in the statement.
    static func locate(_ error: DatabaseError) -> String? {
        guard let position = error.position, position > 0, let statement = error.statement else { return nil }
        let at = ScalarPosition(offset: position - 1, in: statement)
        return "  at line \(at.line), column \(at.column) of the statement:\n    " + at.lineText + "\n    "
            + String(repeating: " ", count: max(0, at.column - 1)) + "^"
    }
}
