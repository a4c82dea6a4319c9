import DFXBasics

/// What `dfx_project.yml` (or a dbt project's `dbt_project.yml`) declares.
public struct ProjectSettings: Sendable {
    /// The project's name: the package name of its nodes and the namespace of its macros.
    public var name: String
    public var version: String?
    /// The profile to read connection settings from (`--profile` overrides).
    public var profile: String?
    public var modelPaths: [String] = ["models"]
    public var seedPaths: [String] = ["seeds"]
    public var snapshotPaths: [String] = ["snapshots"]
    public var testPaths: [String] = ["tests"]
    public var macroPaths: [String] = ["macros"]
    public var analysisPaths: [String] = ["analyses"]
    /// Where `{% docs %}` blocks are looked for; nil means every resource path, as in dbt.
    public var docsPaths: [String]?
    public var targetPath: String = "target"
    public var cleanTargets: [String]?
    /// Project variables; `vars: {other_package: {...}}` scoping is flattened for this project.
    public var vars: [String: ConfigValue] = [:]
    /// The hierarchical `models:`, `seeds:`, `snapshots:`, `tests:`, `sources:`, `analyses:` trees.
    public var configTrees: [ResourceType: ConfigTree] = [:]
    public var onRunStart: [String] = []
    public var onRunEnd: [String] = []
    /// `dispatch:` search orders by macro namespace.
    public var dispatch: [String: [String]] = [:]
    /// The run audit log (`audit-log:`): whether execution commands record themselves and every
    /// node's outcome in the warehouse, and in which schema.
    public var auditLog = AuditLogSettings()
    /// The file these settings came from, relative to the project root.
    public var file: String = "dfx_project.yml"

    public init(name: String) { self.name = name }

    /// Every resource folder, for docs-path defaults and `dfx clean` safety checks.
    public var resourcePaths: [String] {
        modelPaths + seedPaths + snapshotPaths + testPaths + macroPaths + analysisPaths
    }
}
