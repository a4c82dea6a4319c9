/// Per-node facts that selector methods compare against, computed once per graph so that each atom
/// costs one linear pass.
struct SelectionIndex: Sendable {
    /// The fqn with dotted segments split (dbt: "dots in model names act as namespace separators").
    let flatFQN: [[String]]
    /// How many flat segments the first fqn segment (the package) produced.
    let packageSegmentCount: [Int]
    let pathComponents: [[String]]
    let patchComponents: [[String]?]
    let fileNames: [String]
    let fileStems: [String]
    let sources: NodeSet
    let tests: NodeSet

    init(_ nodes: [GraphNode]) {
        var flat: [[String]] = [], packageCounts: [Int] = [], paths: [[String]] = []
        var patches: [[String]?] = [], names: [String] = [], stems: [String] = []
        var sources = NodeSet(capacity: nodes.count), tests = NodeSet(capacity: nodes.count)
        flat.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            flat.append(node.fqn.flatMap { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) })
            packageCounts.append(node.fqn.first.map { $0.split(separator: ".", omittingEmptySubsequences: false).count } ?? 0)
            let components = Self.components(of: node.originalFilePath)
            paths.append(components)
            patches.append(node.patchPath.map { Self.components(of: Self.strippingScheme($0)) })
            let name = components.last ?? ""
            names.append(name)
            stems.append(Self.stem(of: name))
            if node.resourceType == .source { sources.insert(index) }
            if node.resourceType == .test { tests.insert(index) }
        }
        self.flatFQN = flat
        self.packageSegmentCount = packageCounts
        self.pathComponents = paths
        self.patchComponents = patches
        self.fileNames = names
        self.fileStems = stems
        self.sources = sources
        self.tests = tests
    }

    /// `models/./staging//a.sql` → `["models", "staging", "a.sql"]`.
    static func components(of path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    /// dbt stores patch paths as `project://models/schema.yml`.
    static func strippingScheme(_ path: String) -> String {
        let scalars = Array(path.unicodeScalars)
        guard scalars.count >= 3 else { return path }
        for start in 0...(scalars.count - 3)
        where scalars[start] == ":" && scalars[start + 1] == "/" && scalars[start + 2] == "/" {
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: scalars[(start + 3)...])
            return String(rest)
        }
        return path
    }

    /// Python's `PurePath.stem`: the name without its last suffix (`.hidden` keeps its dot).
    static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
