import DFXBasics
import DFXTemplate
import DFXYAML

/// Renders the template syntax that YAML files may hold in string values —
/// `{{ env_var('DFX_PASSWORD') }}`, `{{ var('schema') }}`, `{{ target.name }}` — as dbt does for
/// `dfx_project.yml`, `profiles.yml` and properties files.
///
/// Each such string is compiled when met (they are few); errors point at the YAML value.
public struct YAMLStringRenderer: Sendable {
    let environment: Environment
    let context: [String: Value]

    /// A renderer with `env_var` over `environment`, and `var` over `vars` when given.
    public init(environment variables: [String: String], vars: [String: ConfigValue]? = nil, target: [String: String]? = nil) {
        var options = EnvironmentOptions()
        options.undefinedBehavior = .semiStrict
        options.lowering = .none  // each YAML string renders once
        let environment = Environment(options: options)
        environment.addGlobal("env_var", .function(TemplateFunctions.envVar(variables)))
        if let vars {
            environment.addGlobal("var", .function(TemplateFunctions.projectVar(cliVars: [:], projectVars: vars)))
        }
        var context: [String: Value] = [:]
        if let target { context["target"] = .dict(target.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }) }
        self.environment = environment
        self.context = context
    }

    /// `text` rendered, or a diagnostic at `node`.
    public func render(_ text: String, at node: YAMLNode) throws(DiagnosticError) -> String {
        // The template's own positions are relative to the string; report at the YAML value,
        // keeping the template engine's message.
        do {
            let template = try environment.compile(text, path: node.location.file)
            return try environment.render(template, context: context)
        } catch {
            let message = error.diagnostics.first?.message ?? "cannot render this value"
            var diagnostic = node.diagnostic(message)
            diagnostic.hint = error.diagnostics.first?.hint
            throw DiagnosticError(diagnostic)
        }
    }
}
