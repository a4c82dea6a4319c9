import ArgumentParser
import DFXBasics
import DFXExecution

/// `dfx snapshot`: records the selected snapshots' changes into their history tables (SCD type 2).
public struct SnapshotCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the selected snapshots (SCD type 2 history), each in one locked transaction.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions
    @OptionGroup public var execution: ExecutionOptions

    @Option(
        help: ArgumentHelp(
            "Pin the run's execution time (UTC, 'YYYY-MM-DD HH:MM:SS[.ffffff]') instead of now: dates closed and new versions.",
            valueName: "timestamp"))
    public var snapshotTime: String?

    public init() {}

    public func validate() throws {
        if let snapshotTime, !ExecutionTime.isValid(snapshotTime) {
            throw ValidationError("--snapshot-time must look like 2026-01-31 12:00:00 (UTC), got '\(snapshotTime)'")
        }
    }

    public func run() throws {
        var session = ExecutionSession(command: "snapshot", global: global, selection: selection, execution: execution, resourceTypes: [.snapshot])
        session.executionTime = snapshotTime.map { $0.replacingOccurrences(of: "T", with: " ") }
        try session.run()
    }
}
