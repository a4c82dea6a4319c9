import ArgumentParser
import DFXBasics

/// `dfx snapshot`: records the selected snapshots' changes into their history tables (SCD type 2).
public struct SnapshotCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the selected snapshots (SCD type 2 history), each in one locked transaction.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions
    @OptionGroup public var execution: ExecutionOptions

    public init() {}

    public func run() throws {
        try ExecutionSession(command: "snapshot", global: global, selection: selection, execution: execution, resourceTypes: [.snapshot]).run()
    }
}
