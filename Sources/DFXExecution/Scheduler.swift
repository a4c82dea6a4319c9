import DFXBasics
import DFXGraph
import Foundation

/// Runs the selected nodes of a graph on `threads` workers: a node starts when every selected
/// ancestor it depends on has finished well; a failure skips its selected descendants while
/// independent branches go on; with fail-fast the first failure stops everything still waiting
/// and asks in-flight work to cancel.
///
/// Dependencies between selected nodes are kept even through unselected ones (selecting `a` and
/// `c` of `a -> b -> c` still runs `a` before `c`), as dbt does. Ready tests of nodes that ran in
/// this invocation start first (so a node's tests run right after it), then other nodes by their
/// depth in the whole graph (sources and unselected nodes included: a seed at the root starts
/// before a model below a source), then by unique ID, so runs are reproducible.
///
/// Tests (`tests`: each selected test's parents) get dbt's build edges: a node waits for every
/// selected test whose parents are all among its selected ancestors (`Scheduler+TestEdges`), so a
/// failing test skips exactly the nodes dbt skips.
public final class Scheduler: @unchecked Sendable {
    /// The selected nodes' unique IDs.
    public let selected: [String]
    public let threads: Int
    public let failFast: Bool
    /// Nearest selected ancestors of each selected node (through unselected nodes).
    let dependencies: [String: Set<String>]
    /// Selected nodes that depend on each selected node.
    let dependents: [String: [String]]
    /// Each selected node's depth in the whole graph, for the order of ready nodes.
    let depth: [String: Int]
    /// Selected tests with a selected parent: when ready, they start before other ready nodes.
    let testsFirst: Set<String>

    /// A scheduler over `selected` (unique IDs of `graph`; IDs not in the graph are ignored).
    ///
    /// `extraDependencies` adds edges the graph does not have (node → selected nodes it must wait
    /// for): a seed that loads a table other nodes read through `source()`.
    public init(
        graph: DependencyGraph, selected: [String], threads: Int, failFast: Bool = false, tests: [String: [String]] = [:],
        extraDependencies: [String: Set<String>] = [:]
    ) {
        let selectedSet = Set(selected.filter(graph.contains))
        let ordered = graph.topologicalOrder.filter(selectedSet.contains)
        self.threads = max(1, threads)
        self.failFast = failFast
        var dependencies: [String: Set<String>] = [:]
        var memo: [String: Set<String>] = [:]
        // Nearest selected ancestors, memoised over unselected nodes, in topological order so that
        // every parent's answer is known before its children ask: linear in the graph's size.
        for id in graph.topologicalOrder {
            var nearest = Set<String>()
            for parent in graph.parents(of: id) {
                if selectedSet.contains(parent) { nearest.insert(parent) } else { nearest.formUnion(memo[parent] ?? []) }
            }
            memo[id] = nearest
            if selectedSet.contains(id) { dependencies[id] = nearest }
        }
        for (node, waitsFor) in extraDependencies where selectedSet.contains(node) {
            dependencies[node, default: []].formUnion(waitsFor.filter { selectedSet.contains($0) && $0 != node })
        }
        let testParents = dependencies
        var dependents = Self.dependents(ordered, dependencies)
        if !tests.isEmpty {
            let edges = Self.testEdges(order: ordered, dependencies: dependencies, dependents: dependents, tests: tests)
            for (node, waitsFor) in edges { dependencies[node, default: []].formUnion(waitsFor) }
            dependents = Self.dependents(ordered, dependencies)
        }
        // Test edges can put a test after nodes that come before it in the graph's order: order
        // again, by depth over the final edges (Kahn).
        var remaining = ordered.reduce(into: [String: Int]()) { $0[$1] = dependencies[$1]?.count ?? 0 }
        var queue = ordered.filter { remaining[$0] == 0 }
        var order: [String] = []
        order.reserveCapacity(ordered.count)
        var head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            order.append(id)
            for child in dependents[id] ?? [] {
                remaining[child, default: 1] -= 1
                if remaining[child] == 0 { queue.append(child) }
            }
        }
        var graphDepth: [String: Int] = [:]
        var depth: [String: Int] = [:]
        for id in graph.topologicalOrder {
            let level = graph.parents(of: id).map { (graphDepth[$0] ?? 0) + 1 }.max() ?? 0
            graphDepth[id] = level
            if selectedSet.contains(id) { depth[id] = level }
        }
        self.selected = order
        self.dependencies = dependencies
        self.dependents = dependents
        self.depth = depth
        self.testsFirst = Set(tests.keys.filter { !(testParents[$0] ?? []).isEmpty })
    }

    /// Selected nodes that depend on each selected node, in `order`.
    static func dependents(_ order: [String], _ dependencies: [String: Set<String>]) -> [String: [String]] {
        var dependents: [String: [String]] = [:]
        for id in order { for parent in dependencies[id] ?? [] { dependents[parent, default: []].append(id) } }
        return dependents
    }

    /// Runs every selected node with `work(node, worker)`, reporting events as they happen;
    /// returns each node's outcome. `cancelInFlight` is called once when fail-fast triggers, so
    /// the caller can cancel running statements. Blocks until every node has an outcome.
    public func run(
        work: @escaping @Sendable (_ node: String, _ worker: Int) -> NodeOutcome,
        events: @escaping @Sendable (SchedulerEvent) -> Void = { _ in },
        cancelInFlight: @escaping @Sendable () -> Void = {}
    ) -> [String: NodeOutcome] {
        let state = RunState(scheduler: self)
        let total = selected.count
        // One dedicated thread per worker: a worker spends most of its time waiting on the
        // database, and `DispatchQueue.concurrentPerform` runs at most one iteration per core at a
        // time (on a 2-core machine, --threads 4 ran 2 workers).
        let finished = DispatchGroup()
        for worker in 0..<min(threads, max(1, total)) {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                Self.workLoop(worker: worker, state: state, total: total, work: work, events: events, cancelInFlight: cancelInFlight)
            }
            thread.name = "dfx-worker-\(worker + 1)"
            thread.stackSize = 8 << 20
            thread.start()
        }
        finished.wait()
        return state.outcomes
    }

    /// One worker: takes ready nodes until none is left for any worker.
    private static func workLoop(
        worker: Int, state: RunState, total: Int, work: @Sendable (_ node: String, _ worker: Int) -> NodeOutcome,
        events: @Sendable (SchedulerEvent) -> Void, cancelInFlight: @Sendable () -> Void
    ) {
        while let (node, index) = state.next() {
            events(.started(node: node, index: index, total: total, worker: worker))
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = work(node, worker)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            events(.finished(node: node, index: index, total: total, outcome: outcome, seconds: seconds))
            let skipped = state.finish(node, outcome)
            for (skippedNode, skippedIndex, reason) in skipped {
                events(.finished(node: skippedNode, index: skippedIndex, total: total, outcome: .skipped(reason: reason), seconds: 0))
            }
            if state.takeCancelRequest() { cancelInFlight() }
        }
    }
}
