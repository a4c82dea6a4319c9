import DFXBasics
import DFXProject

extension ParseState {
    /// One node per source table: `source.<project>.<source>.<table>`.
    mutating func parseSources() {
        for source in project.sources {
            let folders = source.folders
            for table in source.tables {
                let fqn = [packageName] + folders + [source.name, table.name]
                var node = Node(
                    uniqueID: "source.\(packageName).\(source.name).\(table.name)", resourceType: .source, name: table.name,
                    packageName: packageName, fqn: fqn, path: source.file, originalFilePath: source.file, location: table.location)
                node.sourceName = source.name
                node.identifier = table.identifier ?? table.name
                node.schema = source.schema
                // dbt: a source's database defaults to the target's.
                node.database = source.database ?? (settings.dialect.hasSchemas ? settings.target.database : nil)
                node.description = table.description
                node.columns = table.columns
                node.loadedAtField = table.loadedAtField ?? source.loadedAtField
                node.freshness = table.freshness ?? source.freshness
                var config = projectConfig(.source, fqn: fqn)
                ConfigMerge.apply(source.config, onto: &config)
                ConfigMerge.apply(table.config, onto: &config)
                let tags = source.tags + table.tags
                if !tags.isEmpty { ConfigMerge.apply(["tags": .list(tags.map(ConfigValue.string))], onto: &config) }
                var meta = source.meta
                for (key, value) in table.meta { meta[key] = value }
                if !meta.isEmpty { ConfigMerge.apply(["meta": .dict(meta)], onto: &config) }
                node.config = config
                node.checksum = ""
                nodes.append(node)
            }
        }
    }

    /// Two resources of one refable kind with one name: dbt cannot tell which `ref` means.
    mutating func checkDuplicateNames() {
        var seen: [String: Int] = [:]
        for (index, node) in nodes.enumerated() where node.isEnabled {
            let key: String
            switch node.resourceType {
            case .model, .seed, .snapshot: key = "ref:" + node.name
            case .analysis, .test: key = node.uniqueID
            default: continue
            }
            if let firstIndex = seen[key] {
                let first = nodes[firstIndex]
                errors.append(
                    Diagnostic(
                        .error,
                        "two resources are named '\(node.name)': \(first.resourceType.rawValue) \(first.originalFilePath) and \(node.resourceType.rawValue) \(node.originalFilePath)",
                        at: node.location, hint: "rename one of the files, or disable one with enabled: false",
                        notes: ["first defined at \(first.location)"]))
            } else {
                seen[key] = index
            }
        }
    }

    /// Moves `enabled: false` nodes (and tests attached to them) out of the graph.
    mutating func partitionDisabled() {
        guard nodes.contains(where: { !$0.isEnabled }) else { return }
        var enabled: [Node] = []
        enabled.reserveCapacity(nodes.count)
        var disabledIDs = Set<String>()
        for node in nodes {
            if node.isEnabled && !(node.attachedNode.map(disabledIDs.contains) ?? false) {
                enabled.append(node)
            } else {
                disabledIDs.insert(node.uniqueID)
                disabled.append(node)
            }
        }
        nodes = enabled
    }
}
