/// What an `Environment` holds: globals and registered macros. Copied into each render.
struct EnvironmentState: Sendable {
    var options: EnvironmentOptions
    var globals: [String: Value] = Builtins.globals
    /// Registered macros by bare name.
    var macros: [String: Value] = [:]
    /// Registered macros by namespace, then name.
    var namespaces: [String: [String: Value]] = [:]
}
