import DFXBasics

extension DependencyGraph {
    /// Each node's position when sorted by (name, unique ID): the tie-break for the topological order.
    static func nameRanks(_ nodes: [GraphNode]) -> [Int] {
        let names = nodes.map(\.name)
        let sorted = nodes.indices.sorted {
            // Byte order (not Unicode canonical order): deterministic and several times faster.
            let byName = ByteOrder.compare(names[$0], names[$1])
            return byName != 0 ? byName < 0 : ByteOrder.precedes(nodes[$0].uniqueID, nodes[$1].uniqueID)
        }
        var rank = [Int](repeating: 0, count: nodes.count)
        for (position, index) in sorted.enumerated() { rank[index] = position }
        return rank
    }

    /// Kahn's algorithm with a min-heap on `rank`; also computes longest-path depths.
    /// Returns fewer than `nodeCount` indices when the graph has a cycle.
    static func kahn(
        nodeCount: Int, parents: Adjacency, children: Adjacency, rank: [Int]
    ) -> (order: [Int], depths: [Int]) {
        var inDegree = (0..<nodeCount).map { parents.count(of: $0) }
        var depths = [Int](repeating: 0, count: nodeCount)
        var heap = RankHeap(rank: rank)
        for index in 0..<nodeCount where inDegree[index] == 0 { heap.push(index) }
        var order: [Int] = []
        order.reserveCapacity(nodeCount)
        while let index = heap.pop() {
            order.append(index)
            for child in children[index] {
                depths[child] = max(depths[child], depths[index] + 1)
                inDegree[child] -= 1
                if inDegree[child] == 0 { heap.push(child) }
            }
        }
        return (order, depths)
    }

    static func duplicate(_ node: GraphNode, first: GraphNode) -> Diagnostic {
        Diagnostic(
            .error, "duplicate node '\(node.uniqueID)'", at: node.location,
            hint: "two resources of the same type in package '\(node.packageName)' are named '\(node.name)'; rename one",
            notes: first.originalFilePath.isEmpty ? [] : ["first defined in \(first.originalFilePath)"])
    }

    static func missingParent(_ parentID: String, of node: GraphNode, known: some Sequence<String>) -> Diagnostic {
        Diagnostic(
            .error, "'\(node.uniqueID)' depends on '\(parentID)', which does not exist",
            at: node.location, hint: Suggestions.hint(for: parentID, in: known),
            notes: node.originalFilePath.isEmpty ? [] : ["defined in \(node.originalFilePath)"])
    }

    /// Finds one cycle among the nodes Kahn could not place and describes all of it.
    static func cycleDiagnostic(nodes: [GraphNode], parents: Adjacency, placed: [Int], rank: [Int]) -> Diagnostic {
        var isPlaced = [Bool](repeating: false, count: nodes.count)
        for index in placed { isPlaced[index] = true }
        // Every unplaced node has an unplaced parent, so walking parents must revisit a node.
        let unplaced = nodes.indices.filter { !isPlaced[$0] }
        let start = unplaced.min { rank[$0] < rank[$1] } ?? 0
        var path: [Int] = []
        var position = [Int: Int]()
        var current = start
        var cycle: [Int] = []
        for _ in 0...nodes.count {
            if let seen = position[current] {
                cycle = Array(path[seen...])
                break
            }
            position[current] = path.count
            path.append(current)
            let next = parents[current].filter { !isPlaced[$0] }.min { rank[$0] < rank[$1] }
            guard let next else { break }
            current = next
        }
        // The walk went child → parent; print in data-flow order (parent → child).
        cycle.reverse()
        if let first = cycle.indices.min(by: { nodes[cycle[$0]].uniqueID < nodes[cycle[$1]].uniqueID }) {
            cycle = Array(cycle[first...] + cycle[..<first])
        }
        let ids = cycle.map { nodes[$0].uniqueID }
        let chain = (ids + ids.prefix(1)).joined(separator: " -> ")
        return Diagnostic(
            .error, "found a dependency cycle: \(chain)",
            at: cycle.first.flatMap { nodes[$0].location },
            hint: "each arrow points from a node to one that depends on it; remove one of these references to break the cycle",
            notes: cycle.map { nodes[$0].labelWithPath })
    }
}
