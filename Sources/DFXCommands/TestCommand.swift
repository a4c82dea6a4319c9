import ArgumentParser
import DFXBasics

/// `dfx test`: runs the selected data tests (generic and singular); tests attached to selected
/// nodes are selected too (`--indirect-selection`, eager by default).
public struct TestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the selected data tests; exit 1 when a test fails at error severity.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions
    @OptionGroup public var execution: ExecutionOptions
    @OptionGroup public var testing: TestingOptions

    public init() {}

    public func run() throws {
        try ExecutionSession(
            command: "test", global: global, selection: selection, execution: execution, resourceTypes: [.test], testing: testing
        ).run()
    }
}
