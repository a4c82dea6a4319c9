import DFXBasics

/// A statement that cannot be rendered as given: an empty unique key, a view rename on SQLite
/// without the view's definition, a materialized view on SQLite.
public struct SQLRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, lower-case first word.
    public var message: String
    /// How to fix it, when known.
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The error as a diagnostic without a location; the caller adds the model's location.
    public var diagnostic: Diagnostic { Diagnostic(.error, message, hint: hint) }

    public var description: String { diagnostic.description }
}
