/// A host object exposed to templates, such as dbt's `this` relation.
public protocol TemplateObject: Sendable {
    /// The attribute `name`, or nil when it is undefined.
    func attribute(_ name: String) -> Value?
    /// What `{{ object }}` prints.
    var renderedString: String { get }
    /// Whether the object can be called like a function (default: false).
    var isCallable: Bool { get }
    /// The call `object(...)`; only used when `isCallable` is true.
    func call(_ arguments: Arguments) throws -> Value
}

extension TemplateObject {
    /// Whether `{{ object(...) }}` is allowed; false unless the object implements `call`.
    public var isCallable: Bool { false }

    /// Called for `object(...)` when `isCallable` is true (dbt's `config(...)` is such an object:
    /// callable, and with attributes such as `config.get`).
    public func call(_ arguments: Arguments) throws -> Value {
        throw TemplateRuntimeError("'object' object is not callable")
    }
}
