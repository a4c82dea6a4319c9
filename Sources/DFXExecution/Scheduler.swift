import DFXBasics
import DFXGraph
import Foundation

/// Runs the selected nodes of a graph on `threads` workers: a node starts when every selected
/// ancestor it depends on has finished well; a failure skips its selected descendants while
/// independent branches go on; with fail-fast the first failure stops everything still waiting
/// and asks in-flight work to cancel.
///
/// Dependencies between selected nodes are kept even through unselected ones (selecting `a` and
/// `c` of `a -> b -> c` still runs `a` before `c`), as dbt does. Ready nodes start by graph depth,
/// then by unique ID, so runs are reproducible.
public final class Scheduler: @unchecked Sendable {
    /// The selected nodes' unique IDs.
    public let selected: [String]
    public let threads: Int
    public let failFast: Bool
    /// Nearest selected ancestors of each selected node (through unselected nodes).
    let dependencies: [String: Set<String>]
    /// Selected nodes that depend on each selected node.
    let dependents: [String: [String]]
    let depth: [String: Int]

    /// A scheduler over `selected` (unique IDs of `graph`; IDs not in the graph are ignored).
    public init(graph: DependencyGraph, selected: [String], threads: Int, failFast: Bool = false) {
        let selectedSet = Set(selected.filter(graph.contains))
        self.selected = graph.topologicalOrder.filter(selectedSet.contains)
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
        var dependents: [String: [String]] = [:]
        for id in self.selected { for parent in dependencies[id] ?? [] { dependents[parent, default: []].append(id) } }
        self.dependencies = dependencies
        self.dependents = dependents
        var depth: [String: Int] = [:]
        for id in self.selected { depth[id] = (dependencies[id] ?? []).map { (depth[$0] ?? 0) + 1 }.max() ?? 0 }
        self.depth = depth
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
