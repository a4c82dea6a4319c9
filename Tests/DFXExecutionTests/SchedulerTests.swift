import DFXBasics
import DFXExecution
import DFXGraph
import Foundation
import XCTest

final class SchedulerTests: XCTestCase {
    /// a → b → d, a → c → d, e (independent), f → g.
    func graph() throws -> DependencyGraph {
        func node(_ name: String, _ parents: [String]) -> GraphNode {
            GraphNode(
                uniqueID: "model.p.\(name)", name: name, resourceType: .model, packageName: "p", fqn: ["p", name],
                originalFilePath: "models/\(name).sql", parents: parents.map { "model.p.\($0)" })
        }
        return try DependencyGraph(nodes: [
            node("a", []), node("b", ["a"]), node("c", ["a"]), node("d", ["b", "c"]), node("e", []), node("f", []), node("g", ["f"]),
        ])
    }

    func ids(_ names: String...) -> [String] { names.map { "model.p.\($0)" } }

    /// Runs with `failing` nodes failing; returns outcomes by short name and the start order.
    func run(
        selected: [String], failing: Set<String> = [], threads: Int, failFast: Bool = false
    ) throws -> (outcomes: [String: NodeOutcome], order: [String]) {
        let scheduler = Scheduler(graph: try graph(), selected: selected, threads: threads, failFast: failFast)
        let log = EventLog()
        let outcomes = scheduler.run(
            work: { node, _ in
                log.record(node)
                Thread.sleep(forTimeInterval: 0.002)
                return failing.contains(node) ? .failure("boom") : .success("ok")
            })
        var short: [String: NodeOutcome] = [:]
        for (id, outcome) in outcomes { short[String(id.dropFirst("model.p.".count))] = outcome }
        return (short, log.order.map { String($0.dropFirst("model.p.".count)) })
    }

    func testEveryNodeRunsAfterItsParents() throws {
        for threads in [1, 2, 4] {
            let (outcomes, order) = try run(selected: ids("a", "b", "c", "d", "e", "f", "g"), threads: threads)
            XCTAssertEqual(outcomes.count, 7)
            XCTAssertTrue(outcomes.values.allSatisfy { $0 == .success("ok") })
            for (child, parent) in [("b", "a"), ("c", "a"), ("d", "b"), ("d", "c"), ("g", "f")] {
                let childIndex = try XCTUnwrap(order.firstIndex(of: child))
                let parentIndex = try XCTUnwrap(order.firstIndex(of: parent))
                XCTAssertLessThan(parentIndex, childIndex, "\(parent) before \(child) with \(threads) threads")
            }
        }
    }

    func testOneThreadRunsInDepthThenNameOrder() throws {
        let (_, order) = try run(selected: ids("a", "b", "c", "d", "e", "f", "g"), threads: 1)
        XCTAssertEqual(order, ["a", "e", "f", "b", "c", "g", "d"])
    }

    func testAFailureSkipsDescendantsButIndependentBranchesRun() throws {
        let (outcomes, _) = try run(selected: ids("a", "b", "c", "d", "e", "f", "g"), failing: ["model.p.b"], threads: 2)
        XCTAssertEqual(outcomes["b"], .failure("boom"))
        XCTAssertEqual(outcomes["d"], .skipped(reason: "an upstream node failed: model.p.b"))
        for name in ["a", "c", "e", "f", "g"] { XCTAssertEqual(outcomes[name], .success("ok"), name) }
    }

    func testFailFastSkipsEverythingNotYetStartedAndAsksToCancel() throws {
        let scheduler = Scheduler(graph: try graph(), selected: ids("a", "b", "c", "d", "e", "f", "g"), threads: 1, failFast: true)
        let cancelled = EventLog()
        let outcomes = scheduler.run(
            work: { node, _ in node == "model.p.a" ? .failure("boom") : .success("ok") },
            cancelInFlight: { cancelled.record("cancel") })
        XCTAssertEqual(outcomes["model.p.a"], .failure("boom"))
        XCTAssertEqual(outcomes.values.filter { $0 == .skipped(reason: "skipped by --fail-fast") }.count, 3, "\(outcomes)")  // e, f, g
        XCTAssertEqual(cancelled.order, ["cancel"])
        XCTAssertEqual(outcomes.count, 7)
    }

    func testOrderIsKeptThroughUnselectedNodes() throws {
        // Selecting a and d (not b, c): d still waits for a, and a failure of a skips d.
        let (_, order) = try run(selected: ids("d", "a"), threads: 2)
        XCTAssertEqual(order, ["a", "d"])
        let (outcomes, _) = try run(selected: ids("d", "a"), failing: ["model.p.a"], threads: 2)
        XCTAssertEqual(outcomes["d"], .skipped(reason: "an upstream node failed: model.p.a"))
    }

    func testWarningsDoNotSkipAndEventsCountEveryNode() throws {
        let scheduler = Scheduler(graph: try graph(), selected: ids("a", "b"), threads: 2)
        let events = EventLog()
        let outcomes = scheduler.run(
            work: { node, _ in node == "model.p.a" ? .warning("2 rows") : .success("ok") },
            events: { event in
                if case .finished(let node, _, let total, _, _) = event { events.record("\(node)/\(total)") }
            })
        XCTAssertEqual(outcomes["model.p.b"], .success("ok"))
        XCTAssertEqual(events.order.sorted(), ["model.p.a/2", "model.p.b/2"])
    }

    func testWideGraphUsesEveryWorker() throws {
        var nodes: [GraphNode] = []
        for index in 0..<200 {
            nodes.append(
                GraphNode(
                    uniqueID: "model.p.n\(index)", name: "n\(index)", resourceType: .model, packageName: "p", fqn: ["p"],
                    originalFilePath: "m.sql", parents: index >= 100 ? ["model.p.n\(index - 100)"] : []))
        }
        let graph = try DependencyGraph(nodes: nodes)
        let workers = EventLog()
        let outcomes = Scheduler(graph: graph, selected: nodes.map(\.uniqueID), threads: 4).run(work: { _, worker in
            workers.record(String(worker))
            Thread.sleep(forTimeInterval: 0.001)
            return .success("ok")
        })
        XCTAssertEqual(outcomes.count, 200)
        XCTAssertGreaterThan(Set(workers.order).count, 1)
    }

    /// Workers wait on the database, not the CPU: --threads 4 must run 4 nodes at once even on a
    /// machine with fewer cores (GCD's concurrentPerform ran one per core).
    func testThreadsRunAtOnceWhateverTheCoreCount() throws {
        var nodes: [GraphNode] = []
        for index in 0..<6 {
            nodes.append(
                GraphNode(
                    uniqueID: "model.p.n\(index)", name: "n\(index)", resourceType: .model, packageName: "p", fqn: ["p"],
                    originalFilePath: "m.sql", parents: []))
        }
        let graph = try DependencyGraph(nodes: nodes)
        let gate = Rendezvous(parties: 4)
        let outcomes = Scheduler(graph: graph, selected: nodes.map(\.uniqueID), threads: 4).run(work: { _, _ in
            gate.arrive(timeout: 10) ? .success("together") : .failure("alone")
        })
        XCTAssertEqual(outcomes.values.filter { $0 == .success("together") }.count, 6, "\(outcomes)")
        XCTAssertEqual(gate.mostAtOnce, 4)
    }
}

/// Waits until `parties` callers are inside `arrive` at the same time (then lets everyone through).
final class Rendezvous: @unchecked Sendable {
    private let condition = NSCondition()
    private let parties: Int
    private var inside = 0
    private var opened = false
    private var most = 0

    /// The most callers that were inside `arrive` at once.
    var mostAtOnce: Int {
        condition.lock()
        defer { condition.unlock() }
        return most
    }

    init(parties: Int) { self.parties = parties }

    /// True when `parties` callers met within `timeout` seconds (or the gate had opened before).
    func arrive(timeout: TimeInterval) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        inside += 1
        most = max(most, inside)
        defer { inside -= 1 }
        if inside >= parties { opened = true; condition.broadcast() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !opened { if !condition.wait(until: deadline) { return false } }
        return true
    }
}

/// A thread-safe list of strings.
final class EventLog: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()

    func record(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var order: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
