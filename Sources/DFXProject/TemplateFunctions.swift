import DFXBasics
import DFXTemplate

/// Template functions that YAML files and SQL models share: `env_var` and `var`.
public enum TemplateFunctions {
    /// `env_var(name, default)`: the process environment wins, then the default; neither is an error.
    public static func envVar(_ variables: [String: String]) -> NativeFunction {
        NativeFunction("env_var") { arguments in
            guard let name = arguments.value(at: 0, named: "var")?.asString else {
                throw TemplateRuntimeError("env_var() needs the variable's name as a string")
            }
            if let value = variables[name] { return .string(value) }
            if let fallback = arguments.value(at: 1, named: "default") { return fallback }
            throw TemplateRuntimeError(
                "environment variable '\(name)' is not set",
                hint: "export \(name)=..., or give a default: env_var('\(name)', '...')")
        }
    }

    /// `var(name, default)`: `--vars` win over the project file's `vars:`, then the default.
    public static func projectVar(cliVars: [String: ConfigValue], projectVars: [String: ConfigValue]) -> NativeFunction {
        NativeFunction("var") { arguments in
            guard let name = arguments.value(at: 0, named: "name")?.asString else {
                throw TemplateRuntimeError("var() needs the variable's name as a string")
            }
            if let value = cliVars[name] ?? projectVars[name] { return value.templateValue }
            if let fallback = arguments.value(at: 1, named: "default") { return fallback }
            throw TemplateRuntimeError(
                "required variable '\(name)' is not set",
                hint: "set it under 'vars:' in the project file, pass --vars '{\(name): ...}', or give a default: var('\(name)', ...)")
        }
    }
}
