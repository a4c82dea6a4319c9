/// A macro value: a compiled definition plus the frame it closes over (if defined inside a render).
public final class Macro: @unchecked Sendable {
    let definition: MacroDefinition
    let closure: Frame?

    init(definition: MacroDefinition, closure: Frame?) {
        self.definition = definition
        self.closure = closure
    }

    /// The macro's name (`test_<name>` for `{% test %}` blocks).
    public var name: String { definition.name }

    /// The parameter names, in order.
    public var parameterNames: [String] { definition.parameters.map(\.0) }
}
