import ArgumentParser
import DFXBasics

/// `dfx build`: seeds, models, snapshots and tests in one run over the graph, each node's tests
/// right after it; a test failing at error severity skips what is downstream of it.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Load seeds, build models and run tests in one run, in dependency order; a failing test skips what depends on it.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions
    @OptionGroup public var execution: ExecutionOptions
    @OptionGroup public var testing: TestingOptions

    public init() {}

    public func run() throws {
        try ExecutionSession(
            command: "build", global: global, selection: selection, execution: execution,
            resourceTypes: [.seed, .model, .snapshot, .test], testing: testing
        ).run()
    }
}
