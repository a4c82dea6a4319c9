import ArgumentParser

/// Options of the commands that build relations: `--threads`, `--fail-fast`, `--full-refresh`.
public struct ExecutionOptions: ParsableArguments, Sendable {
    @Option(help: "Number of workers (default: the target's threads).")
    public var threads: Int?

    @Flag(name: [.customShort("x"), .long], help: "Stop at the first failure; cancel running statements.")
    public var failFast = false

    @Flag(help: "Rebuild incremental models and seeds from scratch.")
    public var fullRefresh = false

    public init() {}
}
