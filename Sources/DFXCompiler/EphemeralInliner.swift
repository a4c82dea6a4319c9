import DFXBasics
import DFXProject

/// Inlines ephemeral models into their consumers as CTEs named `__dbt__cte__<name>`, as dbt does:
/// recursively (an ephemeral may use another), each once, parents before children, merged into a
/// leading `with` when the consumer's SQL already has one.
struct EphemeralInliner: Sendable {
    let manifest: Manifest
    let rendered: [String: String]
    /// Unique IDs of the ephemeral models: most projects have none, and then nothing is looked up.
    let ephemeralIDs: Set<String>
    /// Each rendered ephemeral model as the CTE its consumers get, built once (not per consumer).
    private let ctes: [String: String]

    /// `ephemeralIDs`: `ephemeralIDs(of:)` of the manifest, computed once by the caller (run compiles
    /// node by node; scanning every node each time would be quadratic).
    init(manifest: Manifest, rendered: [String: String], ephemeralIDs: Set<String>) {
        self.manifest = manifest
        self.rendered = rendered
        self.ephemeralIDs = ephemeralIDs
        var ctes: [String: String] = [:]
        for id in ephemeralIDs {
            guard let body = rendered[id], let node = manifest.node(id) else { continue }
            ctes[id] = "__dbt__cte__\(node.name) as (\n\(body.trimmingSpaces)\n)"
        }
        self.ctes = ctes
    }

    /// The unique IDs of the manifest's ephemeral models.
    static func ephemeralIDs(of manifest: Manifest) -> Set<String> {
        Set(manifest.nodes.lazy.filter(\.isEphemeral).map(\.uniqueID))
    }

    func inject(into sql: String, for node: Node) -> String {
        guard !ephemeralIDs.isEmpty, node.dependsOnNodes.contains(where: ephemeralIDs.contains) else { return sql }
        var ordered: [Node] = []
        var visited = Set<String>()
        collect(node, into: &ordered, visited: &visited)
        guard !ordered.isEmpty else { return sql }
        let prefix = ordered.compactMap { ctes[$0.uniqueID] }.joined(separator: ", ")
        if let withEnd = Self.leadingWithEnd(sql) {
            // Appended as strings: `Substring + String` went character by character through the
            // whole query.
            var result = String()
            result.reserveCapacity(sql.utf8.count + prefix.utf8.count + 2)
            result.append(contentsOf: sql[..<withEnd])
            result.append(" ")
            result.append(prefix)
            result.append(",")
            result.append(contentsOf: sql[withEnd...])
            return result
        }
        return "with " + prefix + "\n" + sql
    }

    /// Ephemeral ancestors reachable through ephemeral nodes only, in dependency order.
    private func collect(_ node: Node, into ordered: inout [Node], visited: inout Set<String>) {
        for parentID in node.dependsOnNodes {
            guard ephemeralIDs.contains(parentID), let parent = manifest.node(parentID), visited.insert(parentID).inserted else { continue }
            collect(parent, into: &ordered, visited: &visited)
            ordered.append(parent)
        }
    }

    /// The index just after a leading `with` keyword (after whitespace and SQL comments), if any.
    static func leadingWithEnd(_ sql: String) -> String.Index? {
        var index = sql.startIndex
        while index < sql.endIndex {
            let character = sql[index]
            if character.isWhitespace {
                index = sql.index(after: index)
            } else if sql[index...].hasPrefix("--") {
                index = sql[index...].firstIndex(of: "\n") ?? sql.endIndex
            } else if sql[index...].hasPrefix("/*") {
                index = sql[index...].firstRange(of: "*/")?.upperBound ?? sql.endIndex
            } else {
                break
            }
        }
        // Byte-wise: counting the characters of the rest of the SQL (`rest.count`) walked all of it.
        let keyword = sql.utf8[index...].prefix(4)
        guard keyword.count == 4, keyword.elementsEqual("with".utf8, by: { $0 | 0x20 == $1 }) else { return nil }
        let after = keyword.endIndex
        guard after == sql.endIndex || sql[after].isWhitespace else { return nil }
        return after
    }
}
