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
    /// `object[key]` for a key that is not a string attribute name (default: undefined).
    func item(_ key: Value) -> Value?
    /// What `{% for x in object %}`, filters over sequences and `| length` see; nil (the default)
    /// when the object is not iterable.
    var iterationValues: [Value]? { get }
}

extension TemplateObject {
    /// Whether `{{ object(...) }}` is allowed; false unless the object implements `call`.
    public var isCallable: Bool { false }

    /// Called for `object(...)` when `isCallable` is true (dbt's `config(...)` is such an object:
    /// callable, and with attributes such as `config.get`).
    public func call(_ arguments: Arguments) throws -> Value {
        throw TemplateRuntimeError("'object' object is not callable")
    }

    /// Not subscriptable by default.
    public func item(_ key: Value) -> Value? { nil }

    /// Not iterable by default.
    public var iterationValues: [Value]? { nil }
}
