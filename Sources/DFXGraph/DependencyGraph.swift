import DFXBasics

/// The project's DAG: nodes interned to integer indices, parent and child edges in compressed form,
/// a deterministic topological order and each node's depth.
///
/// Construction is O(V + E) (plus one O(V log V) sort for the name-stable order) and fails with
/// diagnostics for duplicate IDs, parents that do not exist, and cycles (the whole cycle is printed).
public struct DependencyGraph: Sendable {
    /// The nodes, in the order they were given; internal indices refer to this array.
    public let nodes: [GraphNode]
    let indexByID: [String: Int]
    let parentEdges: Adjacency
    let childEdges: Adjacency
    /// Node indices in topological order.
    let order: [Int]
    /// Longest path (in edges) from any root to each node.
    let depths: [Int]

    /// Builds the graph. Throws `DiagnosticError` for duplicate unique IDs, unknown parents or a cycle.
    public init(nodes: [GraphNode]) throws {
        self.nodes = nodes
        var diagnostics: [Diagnostic] = []
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(nodes.count)
        // Index-based loops read fields in place; `for node in nodes` would copy every GraphNode.
        for index in nodes.indices {
            if let first = indexByID[nodes[index].uniqueID] {
                diagnostics.append(Self.duplicate(nodes[index], first: nodes[first]))
            } else {
                indexByID[nodes[index].uniqueID] = index
            }
        }
        self.indexByID = indexByID

        var edges: [(from: Int, to: Int)] = []
        edges.reserveCapacity(nodes.reduce(0) { $0 + $1.parents.count })
        var lastChildForParent = [Int](repeating: -1, count: nodes.count)
        for child in nodes.indices where indexByID[nodes[child].uniqueID] == child {
            for parentID in nodes[child].parents {
                guard let parent = indexByID[parentID] else {
                    diagnostics.append(Self.missingParent(parentID, of: nodes[child], known: indexByID.keys))
                    continue
                }
                if lastChildForParent[parent] == child { continue }  // duplicate edge
                lastChildForParent[parent] = child
                edges.append((parent, child))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }

        let childEdges = Adjacency(nodeCount: nodes.count, edges: edges)
        let parentEdges = Adjacency(nodeCount: nodes.count, edges: edges.map { ($0.to, $0.from) })
        self.childEdges = childEdges
        self.parentEdges = parentEdges

        let rank = Self.nameRanks(nodes)
        let (order, depths) = Self.kahn(nodeCount: nodes.count, parents: parentEdges, children: childEdges, rank: rank)
        if order.count < nodes.count {
            throw DiagnosticError(Self.cycleDiagnostic(
                nodes: nodes, parents: parentEdges, placed: order, rank: rank))
        }
        self.order = order
        self.depths = depths
    }

    /// The number of nodes.
    public var count: Int { nodes.count }

    /// Whether a node with this unique ID exists.
    public func contains(_ uniqueID: String) -> Bool { indexByID[uniqueID] != nil }

    /// The node with this unique ID.
    public func node(_ uniqueID: String) -> GraphNode? {
        indexByID[uniqueID].map { nodes[$0] }
    }

    /// Unique IDs in dependency order (parents before children); among nodes that are ready at the
    /// same time, ordered by name, then unique ID, so the order is deterministic.
    public var topologicalOrder: [String] { order.map { nodes[$0].uniqueID } }

    /// The length of the longest path from a root to the node (roots are 0); nil for an unknown ID.
    public func depth(of uniqueID: String) -> Int? {
        indexByID[uniqueID].map { depths[$0] }
    }

    /// Nodes grouped by depth: `levels[0]` are the roots. Each level is in topological-order position.
    public var levels: [[String]] {
        var result: [[String]] = []
        for index in order {
            let depth = depths[index]
            while result.count <= depth { result.append([]) }
            result[depth].append(nodes[index].uniqueID)
        }
        return result
    }

    /// Direct parents (dependencies) of a node, in declaration order; empty for an unknown ID.
    public func parents(of uniqueID: String) -> [String] {
        guard let index = indexByID[uniqueID] else { return [] }
        return parentEdges[index].map { nodes[$0].uniqueID }
    }

    /// Direct children (dependents) of a node; empty for an unknown ID.
    public func children(of uniqueID: String) -> [String] {
        guard let index = indexByID[uniqueID] else { return [] }
        return childEdges[index].map { nodes[$0].uniqueID }
    }

    /// All nodes reachable upstream from `uniqueIDs` within `depth` edges (unlimited when nil).
    /// A start node is included only when it is itself upstream of another start node.
    public func ancestors(of uniqueIDs: some Sequence<String>, depth: Int? = nil) -> Set<String> {
        ids(of: reach(from: indexSet(uniqueIDs), along: parentEdges, depth: depth))
    }

    /// All nodes reachable downstream from `uniqueIDs` within `depth` edges (unlimited when nil).
    public func descendants(of uniqueIDs: some Sequence<String>, depth: Int? = nil) -> Set<String> {
        ids(of: reach(from: indexSet(uniqueIDs), along: childEdges, depth: depth))
    }

    func indexSet(_ uniqueIDs: some Sequence<String>) -> NodeSet {
        var set = NodeSet(capacity: nodes.count)
        for id in uniqueIDs { if let index = indexByID[id] { set.insert(index) } }
        return set
    }

    func ids(of set: NodeSet) -> Set<String> {
        Set(set.members.map { nodes[$0].uniqueID })
    }
}
