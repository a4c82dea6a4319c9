extension DependencyGraph {
    /// Multi-source breadth-first search: every node reached over at least one edge within `depth`
    /// edges of some start node (unlimited when nil). O(V + E).
    func reach(from start: NodeSet, along edges: Adjacency, depth: Int?) -> NodeSet {
        var result = NodeSet(capacity: nodes.count)
        if let depth, depth <= 0 { return result }
        var visited = start
        var frontier = start.members
        var level = 0
        while !frontier.isEmpty {
            if let depth, level >= depth { break }
            level += 1
            var next: [Int] = []
            for node in frontier {
                for neighbour in edges[node] {
                    result.insert(neighbour)
                    if visited.insert(neighbour) { next.append(neighbour) }
                }
            }
            frontier = next
        }
        return result
    }

    /// dbt's `@` operator: the selection, its descendants, and every ancestor of those.
    func childrensParents(of selected: NodeSet) -> NodeSet {
        var base = reach(from: selected, along: childEdges, depth: nil)
        base.formUnion(selected)
        var result = reach(from: base, along: parentEdges, depth: nil)
        result.formUnion(base)
        return result
    }

    /// Direct children of any node in the set.
    func successors(of selected: NodeSet) -> NodeSet {
        var result = NodeSet(capacity: nodes.count)
        for node in selected.members {
            for child in childEdges[node] { result.insert(child) }
        }
        return result
    }
}
