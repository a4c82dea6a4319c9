import ArgumentParser
import DFXBasics

/// `dfx run`: builds the selected models (views, tables, incremental tables) in dependency order.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build the selected models in the warehouse, in dependency order, each replaced atomically.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions
    @OptionGroup public var execution: ExecutionOptions

    public init() {}

    public func run() throws {
        try ExecutionSession(command: "run", global: global, selection: selection, execution: execution, resourceTypes: [.model]).run()
    }
}
