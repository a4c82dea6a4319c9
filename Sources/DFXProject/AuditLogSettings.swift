/// `audit-log:` in dfx_project.yml: `audit-log: false`, or `{enabled: true, schema: dfx_meta}`.
///
/// When enabled (the default), `dfx run`, `seed`, `snapshot`, `test` and `build` record the
/// invocation and each node's outcome in two tables of `schema` (`dfx_invocations`,
/// `dfx_node_runs`), which later runs read (row-count drift checks).
public struct AuditLogSettings: Sendable, Hashable {
    public var enabled: Bool
    /// The schema of the audit tables (on SQLite, a prefix of their names like every schema).
    public var schema: String

    public init(enabled: Bool = true, schema: String = "dfx_meta") {
        self.enabled = enabled
        self.schema = schema
    }
}
