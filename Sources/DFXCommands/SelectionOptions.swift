import ArgumentParser
import DFXGraph

/// `--select`, `--exclude`, `--selector` and `--indirect-selection`, with dbt's syntax.
public struct SelectionOptions: ParsableArguments, Sendable {
    @Option(
        name: [.customShort("s"), .long], parsing: .upToNextOption,
        help: "Nodes to include: names, wildcards, +m, m+, 2+m, @m, tag:x, path:x, config.k:v, resource_type:x, source:x, test_type:x. Space = union, comma = intersection.")
    public var select: [String] = []

    @Option(parsing: .upToNextOption, help: "Nodes to leave out, same syntax as --select.")
    public var exclude: [String] = []

    @Option(help: "A named selector from selectors.yml.")
    public var selector: String?

    @Option(help: "Which tests ride along with selected nodes: eager (default), cautious, buildable, empty.")
    public var indirectSelection: IndirectSelection = .eager

    public init() {}
}

extension IndirectSelection: ExpressibleByArgument {}
