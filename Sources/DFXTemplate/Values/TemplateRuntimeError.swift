/// An error thrown by a native function; the engine turns it into a located diagnostic.
public struct TemplateRuntimeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as one sentence.
    public var message: String
    /// How to fix it, when known.
    public var hint: String?

    /// An error with `message` and an optional `hint`.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The message.
    public var description: String { message }
}
