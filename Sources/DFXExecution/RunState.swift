import Foundation

/// The shared, locked state of one scheduler run: waiting counts, the ready queue, outcomes.
final class RunState: @unchecked Sendable {
    private let scheduler: Scheduler
    private let condition = NSCondition()
    private var waitingOn: [String: Int] = [:]
    private var ready: [String] = []
    private var running = 0
    private var started = 0
    private var stopped = false
    private var cancelRequested = false
    private(set) var outcomes: [String: NodeOutcome] = [:]

    init(scheduler: Scheduler) {
        self.scheduler = scheduler
        for node in scheduler.selected {
            let count = scheduler.dependencies[node]?.count ?? 0
            waitingOn[node] = count
            if count == 0 { ready.append(node) }
        }
        sortReady()
    }

    /// The next node to run and its 1-based start index; nil when nothing is left for any worker.
    func next() -> (String, Int)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !ready.isEmpty, !stopped {
                let node = ready.removeFirst()
                running += 1
                started += 1
                return (node, started)
            }
            if running == 0 { return nil }
            condition.wait()
        }
    }

    /// Records `outcome`, releases or skips dependents; returns the nodes skipped because of it,
    /// with their indexes and reasons.
    func finish(_ node: String, _ outcome: NodeOutcome) -> [(String, Int, String)] {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        running -= 1
        outcomes[node] = outcome
        var skipped: [(String, Int, String)] = []
        if outcome.letsDescendantsRun {
            for child in scheduler.dependents[node] ?? [] where outcomes[child] == nil {
                waitingOn[child, default: 1] -= 1
                if waitingOn[child] == 0 { ready.append(child) }
            }
            sortReady()
        } else {
            // Every selected descendant is skipped, naming the node that failed.
            var stack = scheduler.dependents[node] ?? []
            while let child = stack.popLast() {
                guard outcomes[child] == nil else { continue }
                started += 1
                let reason = "an upstream node failed: \(node)"
                outcomes[child] = .skipped(reason: reason)
                skipped.append((child, started, reason))
                ready.removeAll { $0 == child }
                stack += scheduler.dependents[child] ?? []
            }
        }
        if case .failure = outcome, scheduler.failFast, !stopped {
            stopped = true
            cancelRequested = true
            for waiting in scheduler.selected where outcomes[waiting] == nil && !isRunning(waiting) {
                started += 1
                outcomes[waiting] = .skipped(reason: "skipped by --fail-fast")
                skipped.append((waiting, started, "skipped by --fail-fast"))
            }
            ready.removeAll()
        }
        return skipped
    }

    /// True once, after fail-fast triggered: the caller should cancel in-flight work.
    func takeCancelRequest() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let requested = cancelRequested
        cancelRequested = false
        return requested
    }

    private func isRunning(_ node: String) -> Bool {
        outcomes[node] == nil && !ready.contains(node) && (waitingOn[node] ?? 0) == 0
    }

    private func sortReady() {
        ready.sort { lhs, rhs in
            let (leftTest, rightTest) = (scheduler.testsFirst.contains(lhs), scheduler.testsFirst.contains(rhs))
            if leftTest != rightTest { return leftTest }
            let (left, right) = (scheduler.depth[lhs] ?? 0, scheduler.depth[rhs] ?? 0)
            return left != right ? left < right : lhs < rhs
        }
    }
}
