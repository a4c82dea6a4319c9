/// A host function callable from templates (`ref`, `source`, `config`, `var` ...).
public struct NativeFunction: Sendable {
    /// The name used in error messages.
    public let name: String
    let body: @Sendable (Arguments) throws -> Value
    /// Whether this is the built-in `return()`, which a render runs itself (see `Renderer.callNative`).
    let isReturn: Bool

    /// A function named `name`; the body throws `TemplateRuntimeError` to report a problem, and the
    /// engine adds the call's location and the chain of macro calls.
    public init(_ name: String, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        self.init(name, isReturn: false, body)
    }

    init(_ name: String, isReturn: Bool, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        self.name = name
        self.body = body
        self.isReturn = isReturn
    }
}
