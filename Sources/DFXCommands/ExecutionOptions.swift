import ArgumentParser

/// Options of the commands that build relations: `--threads`, `--fail-fast`, `--full-refresh`,
/// `--no-audit-log`.
public struct ExecutionOptions: ParsableArguments, Sendable {
    @Option(help: "Number of workers (default: the target's threads).")
    public var threads: Int?

    @Flag(name: [.customShort("x"), .long], help: "Stop at the first failure; cancel running statements.")
    public var failFast = false

    @Flag(help: "Rebuild incremental models and seeds from scratch.")
    public var fullRefresh = false

    @Flag(help: "Do not record this invocation in the run audit log (see audit-log in dfx_project.yml).")
    public var noAuditLog = false

    public init() {}
}
