import ArgumentParser
import DFXBasics
import DFXProject
import DFXYAML

/// Options every project command takes.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(help: "The project folder (holding dfx_project.yml or dbt_project.yml). Default: the current folder.")
    public var projectDir: String?

    @Option(help: "Folder of profiles.yml, searched before the project folder, $DFX_PROFILES_DIR, ~/.dfx and ~/.dbt.")
    public var profilesDir: String?

    @Option(help: "The profile to use, instead of the project file's 'profile:'.")
    public var profile: String?

    @Option(name: [.short, .long], help: "The profile's target (output) to use, instead of its 'target:'.")
    public var target: String?

    @Option(help: "Variables for var(), as YAML or JSON: --vars '{start_date: 2024-01-01}'.")
    public var vars: String?

    @Option(help: "Log format: text (human) or json (one JSON object per event).")
    public var logFormat: LogFormat = .text

    public init() {}

    /// The log formats of `--log-format`.
    public enum LogFormat: String, ExpressibleByArgument, Sendable, CaseIterable {
        case text, json, `default`
    }

    /// `--vars` parsed as a mapping.
    public func parsedVars() throws(DiagnosticError) -> [String: ConfigValue] {
        guard let vars, !vars.isEmpty else { return [:] }
        guard let node = try YAML.parse(vars, file: "--vars") else { return [:] }
        guard node.mapping != nil else {
            throw DiagnosticError(node.typeMismatch("--vars", expected: "a mapping", hint: "write --vars '{name: value}'"))
        }
        guard case .dict(let entries) = try node.configValue() else { return [:] }
        return entries
    }
}
