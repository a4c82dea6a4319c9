/// Edges in compressed sparse row form: the neighbours of node `i` are
/// `targets[offsets[i]..<offsets[i + 1]]`. One allocation for all edges, cache-friendly traversals.
struct Adjacency: Sendable {
    let offsets: [Int]
    let targets: [Int]

    /// Builds from (from, to) pairs in O(V + E) with a counting sort.
    init(nodeCount: Int, edges: [(from: Int, to: Int)]) {
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        for edge in edges { counts[edge.from + 1] += 1 }
        for index in 0..<nodeCount { counts[index + 1] += counts[index] }
        var cursor = counts
        var targets = [Int](repeating: 0, count: edges.count)
        for edge in edges {
            targets[cursor[edge.from]] = edge.to
            cursor[edge.from] += 1
        }
        self.offsets = counts
        self.targets = targets
    }

    @inline(__always)
    subscript(node: Int) -> ArraySlice<Int> {
        targets[offsets[node]..<offsets[node + 1]]
    }

    @inline(__always)
    func count(of node: Int) -> Int { offsets[node + 1] - offsets[node] }
}
