/// An error thrown by a native function; the engine turns it into a located diagnostic.
public struct TemplateRuntimeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message }
}
