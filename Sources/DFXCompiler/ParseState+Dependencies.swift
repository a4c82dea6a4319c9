import Foundation
import DFXBasics
import DFXProject

extension ParseState {
    /// Resolves every `ref`/`source` to a unique ID; an unknown or disabled target is an error at
    /// the call, with near names suggested.
    mutating func resolveDependencies() {
        let index = RelationIndex(nodes: nodes, dialect: settings.dialect)
        let disabledNames = Dictionary(
            disabled.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Each node's parents are found on their own: on all cores, errors collected in node order.
        // The copy of the state the workers read is gone before the nodes change: while it lived,
        // every node's shared fields would be copied on write.
        let resolved = Self.resolveAll(self, index: index, disabledNames: disabledNames)
        for (position, result) in zip(nodes.indices, resolved) {
            nodes[position].dependsOnNodes = result.parents
            errors += result.errors
        }
    }

    private static func resolveAll(
        _ state: ParseState, index: RelationIndex, disabledNames: [String: Node]
    ) -> [(parents: [String], errors: [Diagnostic])] {
        state.nodes.indices.concurrentMap { position in
            state.parents(of: state.nodes[position], index: index, disabledNames: disabledNames)
        }
    }

    /// The unique IDs a node's `ref`/`source` calls resolve to, in call order without repeats, and
    /// an error for each call that resolves to nothing.
    private func parents(
        of node: Node, index: RelationIndex, disabledNames: [String: Node]
    ) -> (parents: [String], errors: [Diagnostic]) {
        var seen = Set<String>()
        var parents: [String] = []
        var errors: [Diagnostic] = []
        for reference in node.refs {
            switch index.resolve(reference) {
            case .success(let entry):
                if seen.insert(entry.uniqueID).inserted { parents.append(entry.uniqueID) }
            case .failure(var diagnostic):
                if let off = disabledNames[reference.name] {
                    diagnostic.message = "ref('\(reference.name)') points at \(off.resourceType.rawValue) \(off.originalFilePath), which is disabled"
                    diagnostic.hint = "enable it, or disable this node too"
                }
                diagnostic.sourceLine = sourceLine(of: diagnostic.location)
                errors.append(diagnostic)
            }
        }
        for reference in node.sourceReferences {
            switch index.resolve(reference) {
            case .success(let entry):
                if seen.insert(entry.uniqueID).inserted { parents.append(entry.uniqueID) }
            case .failure(var diagnostic):
                if let off = disabled.first(where: {
                    $0.resourceType == .source && $0.sourceName == reference.sourceName && $0.name == reference.tableName
                }) {
                    diagnostic.message =
                        "source('\(reference.sourceName)', '\(reference.tableName)') points at a source table of \(off.originalFilePath), which is disabled"
                    diagnostic.hint = "enable it, or disable this node too"
                }
                diagnostic.sourceLine = sourceLine(of: diagnostic.location)
                errors.append(diagnostic)
            }
        }
        return (parents, errors)
    }

    /// The text of the line a location points at, read from the node's own file when it is one of
    /// the project's files.
    func sourceLine(of location: SourceLocation?) -> String? {
        guard let location else { return nil }
        let files = project.models + project.snapshots + project.tests + project.analyses + project.macros
        if let file = files.first(where: { $0.path == location.file }) { return LineIndex(file.contents).lineText(location.line) }
        // Properties YAML is not kept after loading: read the line back from the file (errors only).
        guard location.file.hasSuffix(".yml") || location.file.hasSuffix(".yaml"),
            let contents = try? String(contentsOfFile: project.rootPath + "/" + location.file, encoding: .utf8)
        else { return nil }
        return LineIndex(contents).lineText(location.line)
    }
}
