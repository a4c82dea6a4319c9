import ArgumentParser
import DFXBasics

/// `dfx seed`: loads the selected CSV seeds into tables.
public struct SeedCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load the selected CSV seeds into tables (COPY on PostgreSQL), each replaced atomically.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions
    @OptionGroup public var execution: ExecutionOptions

    public init() {}

    public func run() throws {
        try ExecutionSession(command: "seed", global: global, selection: selection, execution: execution, resourceTypes: [.seed]).run()
    }
}
