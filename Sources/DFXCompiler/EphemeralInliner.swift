import DFXBasics
import DFXProject

/// Inlines ephemeral models into their consumers as CTEs named `__dbt__cte__<name>`, as dbt does:
/// recursively (an ephemeral may use another), each once, parents before children, merged into a
/// leading `with` when the consumer's SQL already has one.
struct EphemeralInliner {
    let manifest: Manifest
    let rendered: [String: String]

    func inject(into sql: String, for node: Node) -> String {
        var ordered: [Node] = []
        var visited = Set<String>()
        collect(node, into: &ordered, visited: &visited)
        guard !ordered.isEmpty else { return sql }
        let ctes = ordered.compactMap { ephemeral -> String? in
            guard let body = rendered[ephemeral.uniqueID] else { return nil }
            return "__dbt__cte__\(ephemeral.name) as (\n\(body.trimmingSpaces)\n)"
        }
        let prefix = ctes.joined(separator: ", ")
        if let withEnd = Self.leadingWithEnd(sql) {
            let head = sql[..<withEnd]
            let rest = sql[withEnd...]
            return head + " " + prefix + "," + rest
        }
        return "with " + prefix + "\n" + sql
    }

    /// Ephemeral ancestors reachable through ephemeral nodes only, in dependency order.
    private func collect(_ node: Node, into ordered: inout [Node], visited: inout Set<String>) {
        for parentID in node.dependsOnNodes {
            guard let parent = manifest.node(parentID), parent.isEphemeral, visited.insert(parentID).inserted else { continue }
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
        let rest = sql[index...]
        guard rest.count >= 4, rest.prefix(4).lowercased() == "with" else { return nil }
        let after = rest.index(rest.startIndex, offsetBy: 4)
        guard after == sql.endIndex || sql[after].isWhitespace else { return nil }
        return after
    }
}
