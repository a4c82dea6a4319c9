extension NodeSelector {
    /// dbt's `expand_selection`: tests that are direct children of the selection are selected, or
    /// held back, according to the mode (see `IndirectSelection`).
    func expand(_ selected: NodeSet, mode: IndirectSelection) -> (direct: NodeSet, indirect: NodeSet) {
        var direct = selected
        var indirect = NodeSet(capacity: graph.count)
        var selectedAndParents: NodeSet?
        if mode == .buildable {
            var set = graph.reach(from: selected, along: graph.parentEdges, depth: nil)
            set.formUnion(selected)
            for node in graph.nodes.indices where graph.nodes[node].resourceType == .source { set.insert(node) }
            selectedAndParents = set
        }
        // Tests are found by their kind, not through the selection index: selecting everything never builds it.
        for candidate in graph.successors(of: selected).members where graph.nodes[candidate].resourceType == .test {
            if mode == .eager || allParents(of: candidate, in: selected) {
                direct.insert(candidate)
            } else if let selectedAndParents, allParents(of: candidate, in: selectedAndParents) {
                direct.insert(candidate)
            } else {
                indirect.insert(candidate)
            }
        }
        return (direct, indirect)
    }

    /// dbt's `incorporate_indirect_nodes`: after a set operation, held-back tests whose parents are
    /// now all selected (cautious), or selected or upstream of the selection (buildable), join it.
    func incorporate(direct: NodeSet, indirect: NodeSet, mode: IndirectSelection) -> NodeSet {
        if direct == indirect { return direct }
        var selected = direct
        switch mode {
        case .cautious:
            for candidate in indirect.members where !selected.contains(candidate) {
                if allParents(of: candidate, in: selected) { selected.insert(candidate) }
            }
        case .buildable:
            var upstream = graph.reach(from: selected, along: graph.parentEdges, depth: nil)
            upstream.formUnion(selected)
            for candidate in indirect.members where !selected.contains(candidate) {
                if allParents(of: candidate, in: upstream) { selected.insert(candidate) }
            }
        case .eager, .empty:
            break
        }
        return selected
    }

    func allParents(of node: Int, in set: NodeSet) -> Bool {
        graph.parentEdges[node].allSatisfy { set.contains($0) }
    }
}
