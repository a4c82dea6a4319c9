import ArgumentParser
import DFXExecution

/// Options of the commands that build relations: `--threads`, `--fail-fast`, `--full-refresh`,
/// `--no-audit-log`, `--snapshot-time`.
public struct ExecutionOptions: ParsableArguments, Sendable {
    @Option(help: "Number of workers (default: the target's threads).")
    public var threads: Int?

    @Flag(name: [.customShort("x"), .long], help: "Stop at the first failure; cancel running statements.")
    public var failFast = false

    @Flag(help: "Rebuild incremental models and seeds from scratch.")
    public var fullRefresh = false

    @Flag(help: "Do not record this invocation in the run audit log (see audit-log in dfx_project.yml).")
    public var noAuditLog = false

    @Option(
        help: ArgumentHelp(
            "Pin the execution time (UTC, 'YYYY-MM-DD HH:MM:SS[.ffffff]') that dates snapshot and scd2 versions; default: now.",
            valueName: "timestamp"))
    public var snapshotTime: String?

    public func validate() throws {
        if let snapshotTime, !ExecutionTime.isValid(snapshotTime) {
            throw ValidationError("--snapshot-time must look like 2026-01-31 12:00:00 (UTC), got '\(snapshotTime)'")
        }
    }

    public init() {}
}
