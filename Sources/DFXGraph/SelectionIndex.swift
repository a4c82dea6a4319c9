/// Per-node facts that selector methods compare against, computed once per graph so that each atom
/// costs one linear pass.
struct SelectionIndex: Sendable {
    /// The fqn with dotted segments split (dbt: "dots in model names act as namespace separators").
    let flatFQN: [[String]]
    /// How many flat segments the first fqn segment (the package) produced.
    let packageSegmentCount: [Int]
    /// The flat fqn joined with dots, and where each flat segment starts in it: wildcard matching
    /// compares a suffix of this string without building it.
    let joinedFQN: [String]
    let segmentStarts: [[String.Index]]
    let pathComponents: [[String]]
    let patchComponents: [[String]?]
    let fileNames: [String]
    let fileStems: [String]
    let sources: NodeSet
    let tests: NodeSet

    init(_ nodes: [GraphNode]) {
        var flat: [[String]] = [], packageCounts: [Int] = [], paths: [[String]] = []
        var joined: [String] = [], starts: [[String.Index]] = []
        var patches: [[String]?] = [], names: [String] = [], stems: [String] = []
        var sources = NodeSet(capacity: nodes.count), tests = NodeSet(capacity: nodes.count)
        flat.reserveCapacity(nodes.count)
        paths.reserveCapacity(nodes.count)
        for index in nodes.indices {
            var segments: [String] = []
            segments.reserveCapacity(nodes[index].fqn.count)
            var packageCount = 0
            for (position, segment) in nodes[index].fqn.enumerated() {
                let before = segments.count
                if segment.utf8.contains(UInt8(ascii: ".")) {
                    segments += Self.split(segment, on: ".", keepingEmpty: true)
                } else {
                    segments.append(segment)
                }
                if position == 0 { packageCount = segments.count - before }
            }
            let text = segments.joined(separator: ".")
            flat.append(segments)
            packageCounts.append(packageCount)
            joined.append(text)
            starts.append(Self.starts(of: segments, in: text))
            let components = Self.components(of: nodes[index].originalFilePath)
            paths.append(components)
            patches.append(nodes[index].patchPath.map { Self.components(of: Self.strippingScheme($0)) })
            let name = components.last ?? ""
            names.append(name)
            stems.append(Self.stem(of: name))
            if nodes[index].resourceType == .source { sources.insert(index) }
            if nodes[index].resourceType == .test { tests.insert(index) }
        }
        self.flatFQN = flat
        self.packageSegmentCount = packageCounts
        self.joinedFQN = joined
        self.segmentStarts = starts
        self.pathComponents = paths
        self.patchComponents = patches
        self.fileNames = names
        self.fileStems = stems
        self.sources = sources
        self.tests = tests
    }

    /// The index in `text` (segments joined by one-scalar separators) where each segment starts.
    static func starts(of segments: [String], in text: String) -> [String.Index] {
        var result: [String.Index] = []
        result.reserveCapacity(segments.count)
        var index = text.unicodeScalars.startIndex
        for (position, segment) in segments.enumerated() {
            if position > 0, index < text.unicodeScalars.endIndex { index = text.unicodeScalars.index(after: index) }
            result.append(index)
            index = text.unicodeScalars.index(index, offsetBy: segment.unicodeScalars.count, limitedBy: text.unicodeScalars.endIndex)
                ?? text.unicodeScalars.endIndex
        }
        return result
    }

    /// Splits on an ASCII separator by bytes (much faster than splitting `Character`s).
    static func split(_ text: String, on separator: Unicode.Scalar, keepingEmpty: Bool) -> [String] {
        text.utf8.split(separator: UInt8(ascii: separator), omittingEmptySubsequences: !keepingEmpty)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// `models/./staging//a.sql` → `["models", "staging", "a.sql"]`.
    static func components(of path: String) -> [String] {
        split(path, on: "/", keepingEmpty: false).filter { $0 != "." }
    }

    /// dbt stores patch paths as `project://models/schema.yml`.
    static func strippingScheme(_ path: String) -> String {
        guard let range = path.firstRange(of: "://") else { return path }
        return String(path[range.upperBound...])
    }

    /// Python's `PurePath.stem`: the name without its last suffix (`.hidden` keeps its dot).
    static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
