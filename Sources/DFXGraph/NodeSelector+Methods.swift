extension NodeSelector {
    /// The nodes an atom's method selects, before graph operators. One pass over the nodes.
    func match(_ criteria: SelectionCriteria) -> NodeSet {
        let nodes = graph.nodes
        var result = NodeSet(capacity: nodes.count)
        let value = criteria.value
        switch criteria.method {
        case .fqn:
            let index = self.index
            let matcher = FQNMatcher(value)
            for i in nodes.indices where nodes[i].resourceType != .source {
                let flat = index.flatFQN[i], joined = index.joinedFQN[i], starts = index.segmentStarts[i]
                let package = index.packageSegmentCount[i]
                if matcher.matches(fqn: nodes[i].fqn[...], flat: flat[...], joined: joined, starts: starts[...])
                    || (!nodes[i].fqn.isEmpty
                        && matcher.matches(
                            fqn: nodes[i].fqn.dropFirst(), flat: flat.dropFirst(package), joined: joined,
                            starts: starts.dropFirst(package)))
                {
                    result.insert(i)
                }
            }
        case .tag:
            let glob = Glob(value)
            for i in nodes.indices where nodes[i].tags.contains(where: glob.matches) { result.insert(i) }
        case .path:
            let index = self.index
            let matcher = PathMatcher(value)
            for i in nodes.indices {
                if matcher.matchesFileOrParent(index.pathComponents[i])
                    || (index.patchComponents[i].map(matcher.matchesExactly) ?? false)
                {
                    result.insert(i)
                }
            }
        case .file:
            let index = self.index
            let glob = Glob(value)
            for i in nodes.indices where glob.matches(index.fileNames[i]) || glob.matches(index.fileStems[i]) {
                result.insert(i)
            }
        case .package:
            let glob = Glob(value)
            for i in nodes.indices where glob.matches(nodes[i].packageName) { result.insert(i) }
        case .config:
            let caseInsensitive = criteria.arguments == ["severity"]
            for i in nodes.indices {
                guard let first = criteria.arguments.first, let root = nodes[i].config[first],
                    let found = root.value(at: criteria.arguments.dropFirst())
                else { continue }
                if found.matchesSelector(value, caseInsensitive: caseInsensitive) { result.insert(i) }
            }
        case .resourceType:
            for i in nodes.indices where nodes[i].resourceType.rawValue == value { result.insert(i) }
        case .source:
            let parts = value.split(separator: ".", omittingEmptySubsequences: false).map { Glob(String($0)) }
            let (package, source, table): (Glob, Glob, Glob)
            switch parts.count {
            case 1: (package, source, table) = (Glob("*"), parts[0], Glob("*"))
            case 2: (package, source, table) = (Glob("*"), parts[0], parts[1])
            case 3: (package, source, table) = (parts[0], parts[1], parts[2])
            default: return result  // rejected by the parser
            }
            let index = self.index
            for i in index.sources.members {
                let node = nodes[i]
                if package.matches(node.packageName), source.matches(node.sourceName ?? ""), table.matches(node.name) {
                    result.insert(i)
                }
            }
        case .testType:
            let index = self.index
            let wanted: Set<TestType>
            switch value {
            case "generic", "schema": wanted = [.generic]
            case "singular": wanted = [.singular]
            case "data": wanted = [.generic, .singular]
            default: wanted = []  // "unit": dfx has no unit tests
            }
            for i in index.tests.members {
                if let type = nodes[i].testType, wanted.contains(type) { result.insert(i) }
            }
        case .testName:
            let index = self.index
            let glob = Glob(value)
            for i in index.tests.members {
                if let name = nodes[i].testName, glob.matches(name) { result.insert(i) }
            }
        }
        return result
    }
}
