extension Scheduler {
    /// dbt's build edges (`Linker.add_test_edges`): a selected non-test node waits for a selected
    /// test when every node the test depends on is one of the node's selected ancestors. A test on
    /// one node therefore holds back that node's children; a test with several parents (a
    /// `relationships` test on `orders` pointing at `customers`) holds back only the nodes
    /// downstream of all of them, and a test with a parent outside the selection holds back
    /// nothing. Only the first such nodes on each path get an edge (their descendants wait through
    /// them), which keeps the edge count near the number of tests.
    ///
    /// - Returns: for each node, the tests it waits for.
    static func testEdges(
        order: [String], dependencies: [String: Set<String>], dependents: [String: [String]], tests: [String: [String]]
    ) -> [String: Set<String>] {
        let selected = Set(order)
        var edges: [String: Set<String>] = [:]
        var cache: [String: Set<String>] = [:]
        for (test, parents) in tests.sorted(by: { $0.key < $1.key }) {
            let parentSet = Set(parents)
            guard !parentSet.isEmpty, parentSet.isSubset(of: selected) else { continue }
            if parentSet.count == 1, let parent = parentSet.first {
                // One parent: its children are the first nodes below it.
                for child in dependents[parent] ?? [] where tests[child] == nil { edges[child, default: []].insert(test) }
                continue
            }
            // Non-test nodes downstream of every parent.
            var common: Set<String>?
            for parent in parentSet.sorted() {
                let below = cache[parent] ?? descendants(of: parent, dependents: dependents, tests: tests)
                cache[parent] = below
                common = common.map { $0.intersection(below) } ?? below
                if common?.isEmpty == true { break }
            }
            guard let common, !common.isEmpty else { continue }
            for node in common where (dependencies[node] ?? []).isDisjoint(with: common) {
                edges[node, default: []].insert(test)
            }
        }
        return edges
    }

    /// The selected non-test nodes below `node`.
    static func descendants(of node: String, dependents: [String: [String]], tests: [String: [String]]) -> Set<String> {
        var seen = Set<String>()
        var stack = dependents[node] ?? []
        while let next = stack.popLast() {
            guard tests[next] == nil, seen.insert(next).inserted else { continue }
            stack += dependents[next] ?? []
        }
        return seen
    }
}
