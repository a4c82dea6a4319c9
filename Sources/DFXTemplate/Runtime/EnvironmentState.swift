/// What an `Environment` holds: globals and registered macros. Copied into each render.
struct EnvironmentState: Sendable {
    var options: EnvironmentOptions
    private(set) var globals: [String: Value] = Builtins.globals
    /// Registered macros by bare name.
    private(set) var macros: [String: Value] = [:]
    /// Registered macros by namespace, then name.
    private(set) var namespaces: [String: [String: Value]] = [:]
    /// Globals, registered macros and namespaces merged (in that order of precedence), so that a
    /// free name costs one lookup here instead of one per table. Kept in step by the mutators.
    private(set) var freeNames = FreeNameTable()

    init(options: EnvironmentOptions) {
        self.options = options
        for (name, value) in globals.sorted(by: { $0.key < $1.key }) { freeNames.set(name, FreeName(value: value, origin: .global)) }
    }

    mutating func setGlobal(_ name: String, _ value: Value) {
        globals[name] = value
        freeNames.set(name, FreeName(value: value, origin: .global))
    }

    mutating func setMacro(_ name: String, _ value: Value) {
        macros[name] = value
        if freeNames[name]?.origin != .global { freeNames.set(name, FreeName(value: value, origin: .macro)) }
    }

    mutating func setMacro(_ name: String, _ value: Value, namespace: String) {
        namespaces[namespace, default: [:]][name] = value
        let origin = freeNames[namespace]?.origin
        if origin == nil || origin == .namespace, let members = namespaces[namespace] {
            freeNames.set(namespace, FreeName(value: .object(MacroNamespace(name: namespace, macros: members)), origin: .namespace))
        }
    }
}

/// A free name's value in `EnvironmentState.freeNames`, and which table it comes from.
struct FreeName: Sendable {
    enum Origin: Sendable { case global, macro, namespace }

    let value: Value
    let origin: Origin
}
