import ArgumentParser
import DFXBasics
import DFXCompiler

/// `dfx ls`: lists the selected nodes, one per line (or as JSON).
public struct ListCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ls", abstract: "List selected nodes.", aliases: ["list"])

    public enum Output: String, ExpressibleByArgument, Sendable, CaseIterable {
        case selector, name, path, json
    }

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions

    @Option(
        parsing: .upToNextOption,
        help: "Only these kinds: model, seed, snapshot, test, source, analysis (repeatable). Default: all.")
    public var resourceType: [String] = []

    @Option(name: [.short, .long], help: "selector (default), name, path or json.")
    public var output: Output = .selector

    @Option(parsing: .upToNextOption, help: "With --output json: only these keys.")
    public var outputKeys: [String] = []

    public init() {}

    public func run() throws {
        try CommandRunner.run(global) { context in
            let types = try resourceTypes()
            let workspace = try Workspace.load(global, context: context, command: "ls")
            let selected = try workspace.select(selection, resourceTypes: types, console: context.console)
            // dbt lists in unique-ID order, not in dependency order.
            for id in selected.sorted() {
                guard let node = workspace.manifest.node(id) else { continue }
                let text = line(for: node)
                // With --log-format json every line is a JSON event, as dbt's ListCmdOut.
                if context.console.format == .json {
                    context.console.info(text, event: "ListCmdOut", data: ["msg": .string(text)])
                } else {
                    context.console.output(text)
                }
            }
        }
    }

    private func resourceTypes() throws(DiagnosticError) -> Set<ResourceType>? {
        if resourceType.isEmpty || resourceType.contains("all") || resourceType.contains("default") { return nil }
        var types = Set<ResourceType>()
        for name in resourceType {
            guard let type = ResourceType(rawValue: name) else {
                throw DiagnosticError(
                    Diagnostic(
                        .error, "unknown resource type '\(name)' in --resource-type",
                        hint: Suggestions.hint(for: name, in: ResourceType.allCases.map(\.rawValue)) ?? "use model, seed, snapshot, test, source or analysis"))
            }
            types.insert(type)
        }
        return types
    }

    func line(for node: Node) -> String {
        switch output {
        case .selector:
            let fqn = node.fqn.joined(separator: ".")
            return node.resourceType == .source ? "source:" + fqn : fqn
        case .name:
            return node.resourceType == .source ? "\(node.sourceName ?? "").\(node.name)" : node.name
        case .path:
            return node.originalFilePath
        case .json:
            var fields: [String: ConfigValue] = [
                "name": .string(node.name), "resource_type": .string(node.resourceType.rawValue),
                "package_name": .string(node.packageName), "original_file_path": .string(node.originalFilePath),
                "unique_id": .string(node.uniqueID), "alias": .string(node.alias), "tags": .list(node.tags.map(ConfigValue.string)),
                "config": .dict(node.config),
                "depends_on": .dict(["nodes": .list(node.dependsOnNodes.map(ConfigValue.string)), "macros": .list([])]),
            ]
            if node.resourceType == .source { fields["source_name"] = .string(node.sourceName ?? "") }
            if !outputKeys.isEmpty { fields = fields.filter { outputKeys.contains($0.key) } }
            var json = JSONWriter()
            json.value(.dict(fields))
            return String(decoding: json.bytes, as: UTF8.self)
        }
    }
}
