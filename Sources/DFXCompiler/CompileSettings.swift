import DFXBasics
import DFXProject
import DFXSQL

/// Everything a compile needs besides the project: the target, variables and the invocation.
public struct CompileSettings: Sendable {
    public var target: TargetSettings
    /// `--vars`, which win over the project file's vars.
    public var cliVars: [String: ConfigValue]
    /// The process environment, for `env_var()` (a parameter so tests can set it).
    public var environment: [String: String]
    /// A unique ID for this invocation (artifacts and `invocation_id`).
    public var invocationID: String
    /// When the invocation started, UTC, ISO 8601 with microseconds (`run_started_at`).
    public var startedAt: TimestampValue
    /// The command being run (`compile`, `run`, ...), exposed as `flags.WHICH`.
    public var command: String
    public var fullRefresh: Bool
    /// The SQL dialect of the target (PostgreSQL's for an unknown type: the profile loader has
    /// already rejected unknown types with a located error). Decided once, at init.
    public let dialect: SQLDialect
    /// Where `{{ log(message, info=true) }}` writes (the console); nil drops messages, and
    /// messages without `info=true` are dropped as dbt keeps them for its debug log.
    public var log: (@Sendable (String) -> Void)?

    public init(
        target: TargetSettings, cliVars: [String: ConfigValue] = [:], environment: [String: String] = [:],
        invocationID: String, startedAt: TimestampValue, command: String = "compile", fullRefresh: Bool = false
    ) {
        self.target = target
        self.cliVars = cliVars
        self.environment = environment
        self.invocationID = invocationID
        self.startedAt = startedAt
        self.command = command
        self.fullRefresh = fullRefresh
        self.dialect = SQLDialect(targetType: target.type) ?? .postgres
    }

}
