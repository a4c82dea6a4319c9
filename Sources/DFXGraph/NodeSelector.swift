import DFXBasics

/// Evaluates `SelectionSpec`s against a `DependencyGraph`, as dbt's `NodeSelector` does.
///
/// Indexes are built once; each atom then costs O(V + E) (one method pass, one traversal per graph
/// operator, one pass over the selection's children for indirect test selection).
public struct NodeSelector: Sendable {
    /// The graph selections are evaluated on.
    public let graph: DependencyGraph
    private let lazyIndex: LazySelectionIndex

    /// The per-node indexes (fqn segments, paths, file names), built in O(V) when a selector method
    /// first needs them.
    var index: SelectionIndex { lazyIndex.index }

    public init(graph: DependencyGraph) {
        self.graph = graph
        self.lazyIndex = LazySelectionIndex(graph.nodes)
    }

    /// Selects nodes.
    ///
    /// - Parameters:
    ///   - spec: what to select (`SelectorParser.commandLine(select:exclude:)`, a named YAML selector,
    ///     or `.all`).
    ///   - indirectSelection: the mode for atoms that do not set their own.
    ///   - resourceTypes: the kinds the command works on (`dbt run`: models); nil keeps every kind.
    ///     Applied last, as dbt's `ResourceTypeSelector` does.
    /// - Returns: the selected unique IDs in topological order, and a warning for every top-level
    ///   term that matched nothing (dbt's `NoNodesForSelectionCriteria`).
    public func select(
        _ spec: SelectionSpec, indirectSelection: IndirectSelection = .eager,
        resourceTypes: Set<ResourceType>? = nil
    ) -> SelectionResult {
        var warnings: [Diagnostic] = []
        let (direct, _) = evaluate(spec, mode: indirectSelection, expectMatches: true, warnings: &warnings)
        var ids: [String] = []
        for node in graph.order where direct.contains(node) {
            let graphNode = graph.nodes[node]
            if let resourceTypes, !resourceTypes.contains(graphNode.resourceType) { continue }
            ids.append(graphNode.uniqueID)
        }
        return SelectionResult(uniqueIDs: ids, warnings: warnings)
    }

    /// dbt's `select_nodes_recursively`: each level returns the directly selected nodes and the
    /// tests held back by cautious/buildable selection, which set operators may still let in.
    func evaluate(
        _ spec: SelectionSpec, mode: IndirectSelection, expectMatches: Bool, warnings: inout [Diagnostic]
    ) -> (direct: NodeSet, indirect: NodeSet) {
        let count = graph.count
        switch spec {
        case .all:
            return (NodeSet.all(count), NodeSet(capacity: count))
        case .criteria(let criteria):
            let result = evaluate(criteria, mode: mode)
            if expectMatches, result.direct.isEmpty { warnings.append(noMatchWarning(spec)) }
            return result
        case .union(let parts), .intersection(let parts):
            let isUnion: Bool
            if case .union = spec { isUnion = true } else { isUnion = false }
            var direct: NodeSet?
            var indirect: NodeSet?
            for part in parts {
                let result = evaluate(part, mode: mode, expectMatches: expectMatches && isUnion, warnings: &warnings)
                let both = result.direct.union(result.indirect)
                if var d = direct, var i = indirect {
                    if isUnion {
                        d.formUnion(result.direct)
                        i.formUnion(both)
                    } else {
                        d.formIntersection(result.direct)
                        i.formIntersection(both)
                    }
                    direct = d
                    indirect = i
                } else {
                    direct = result.direct
                    indirect = both
                }
            }
            let d = direct ?? NodeSet(capacity: count), i = indirect ?? NodeSet(capacity: count)
            let merged = incorporate(direct: d, indirect: i, mode: mode)
            if expectMatches, !isUnion, merged.isEmpty { warnings.append(noMatchWarning(spec)) }
            return (merged, i)
        case .difference(let base, let excluded):
            let kept = evaluate(base, mode: mode, expectMatches: expectMatches, warnings: &warnings)
            var ignored: [Diagnostic] = []
            let removed = evaluate(excluded, mode: mode, expectMatches: false, warnings: &ignored)
            var direct = kept.direct
            direct.subtract(removed.direct)
            var indirect = kept.direct.union(kept.indirect)
            indirect.subtract(removed.direct.union(removed.indirect))
            return (incorporate(direct: direct, indirect: indirect, mode: mode), indirect)
        }
    }

    /// One atom: method match, graph operators, then indirect test selection.
    func evaluate(_ criteria: SelectionCriteria, mode: IndirectSelection) -> (direct: NodeSet, indirect: NodeSet) {
        let collected = match(criteria)
        var selected = collected
        if criteria.childrensParents { selected.formUnion(graph.childrensParents(of: collected)) }
        if criteria.parents {
            selected.formUnion(graph.reach(from: collected, along: graph.parentEdges, depth: criteria.parentsDepth))
        }
        if criteria.children {
            selected.formUnion(graph.reach(from: collected, along: graph.childEdges, depth: criteria.childrenDepth))
        }
        let effective = criteria.indirectSelection ?? mode
        if effective == .empty { return (selected, NodeSet(capacity: graph.count)) }
        return expand(selected, mode: effective)
    }

    func noMatchWarning(_ spec: SelectionSpec) -> Diagnostic {
        var hint: String?
        if case .criteria(let criteria) = spec, criteria.method == .fqn, Glob(criteria.value).isLiteral {
            hint = Suggestions.hint(for: criteria.value, in: Set(graph.nodes.map(\.name)))
        }
        return Diagnostic(
            .warning, "the selection criterion '\(spec)' does not match any enabled nodes", hint: hint)
    }
}
