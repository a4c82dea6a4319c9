import DFXBasics
import DFXExecution
import DFXGraph
import Foundation
import XCTest

/// dbt's build edges in the scheduler, without a database: which nodes a failing test skips and
/// when tests with several parents run.
///
/// Graph: orders → order_totals; customers → customer_totals; orders + customers → joined;
/// independent. Tests: t_orders (orders), t_rel (orders and customers, a relationships
/// test), t_customers (customers).
final class TestEdgeTests: XCTestCase {
    func graph() throws -> DependencyGraph {
        func node(_ name: String, _ parents: [String], type: ResourceType = .model) -> GraphNode {
            GraphNode(
                uniqueID: "\(type.rawValue).p.\(name)", name: name, resourceType: type, packageName: "p", fqn: ["p", name],
                originalFilePath: "models/\(name).sql", parents: parents)
        }
        return try DependencyGraph(nodes: [
            node("customers", []), node("orders", []), node("order_totals", ["model.p.orders"]),
            node("customer_totals", ["model.p.customers"]), node("joined", ["model.p.orders", "model.p.customers"]),
            node("independent", []),
            node("t_orders", ["model.p.orders"], type: .test), node("t_customers", ["model.p.customers"], type: .test),
            node("t_rel", ["model.p.orders", "model.p.customers"], type: .test),
        ])
    }

    let tests = [
        "test.p.t_orders": ["model.p.orders"], "test.p.t_customers": ["model.p.customers"],
        "test.p.t_rel": ["model.p.orders", "model.p.customers"],
    ]

    func run(failing: Set<String>, selected: [String]? = nil, threads: Int = 1) throws -> (outcomes: [String: NodeOutcome], order: [String]) {
        let graph = try graph()
        let ids = selected ?? graph.topologicalOrder
        let scheduler = Scheduler(graph: graph, selected: ids, threads: threads, tests: tests.filter { ids.contains($0.key) })
        let log = EventLog()
        let outcomes = scheduler.run(work: { node, _ in
            log.record(node)
            return failing.contains(node) ? .failure("boom") : .success("ok")
        })
        var short: [String: NodeOutcome] = [:]
        for (id, outcome) in outcomes { short[String(id.split(separator: ".").last ?? "")] = outcome }
        return (short, log.order.map { String($0.split(separator: ".").last ?? "") })
    }

    func skipped(_ outcomes: [String: NodeOutcome]) -> Set<String> {
        Set(outcomes.compactMap { name, outcome in if case .skipped = outcome { return name } else { return nil } })
    }

    func testTestsRunRightAfterTheirNodeAndBeforeItsChildren() throws {
        let (_, order) = try run(failing: [])
        XCTAssertEqual(order.count, 9)
        func position(_ name: String) throws -> Int { try XCTUnwrap(order.firstIndex(of: name), name) }
        // One worker: a node's single-parent tests start as soon as it is done.
        XCTAssertEqual(try position("t_customers"), try position("customers") + 1, "\(order)")
        XCTAssertEqual(try position("t_orders"), try position("orders") + 1, "\(order)")
        // The relationships test waits for both parents and holds back only joined.
        XCTAssertGreaterThan(try position("t_rel"), try position("orders"))
        XCTAssertGreaterThan(try position("t_rel"), try position("customers"))
        XCTAssertGreaterThan(try position("joined"), try position("t_rel"))
        XCTAssertGreaterThan(try position("order_totals"), try position("t_orders"))
        XCTAssertGreaterThan(try position("customer_totals"), try position("t_customers"))
    }

    func testFailingSingleParentTestSkipsTheNodesChildrenOnly() throws {
        let (outcomes, _) = try run(failing: ["test.p.t_orders"])
        XCTAssertEqual(skipped(outcomes), ["order_totals", "joined"])
        XCTAssertEqual(outcomes["t_rel"], .success("ok"), "a sibling test still runs")
        let (other, _) = try run(failing: ["test.p.t_customers"])
        // Tests are never below tests: the relationships test on customers still runs.
        XCTAssertEqual(skipped(other), ["customer_totals", "joined"])
        XCTAssertEqual(other["t_rel"], .success("ok"))
    }

    func testFailingRelationshipsTestSkipsOnlyNodesBelowAllItsParents() throws {
        let (outcomes, _) = try run(failing: ["test.p.t_rel"])
        XCTAssertEqual(skipped(outcomes), ["joined"], "order_totals is below orders only; customer_totals below customers only")
        XCTAssertEqual(outcomes["order_totals"], .success("ok"))
        XCTAssertEqual(outcomes["customer_totals"], .success("ok"))
    }

    func testWarningTestSkipsNothing() throws {
        let graph = try graph()
        let scheduler = Scheduler(graph: graph, selected: graph.topologicalOrder, threads: 2, tests: tests)
        let outcomes = scheduler.run(work: { node, _ in node == "test.p.t_customers" ? .warning("careful") : .success("ok") })
        XCTAssertFalse(outcomes.values.contains { if case .skipped = $0 { return true } else { return false } })
    }

    func testTestWithAParentOutsideTheSelectionHoldsNothingBack() throws {
        // customers not selected: t_rel's parents are not all in the selection, so joined does not wait for it.
        let selected = ["model.p.orders", "model.p.joined", "test.p.t_rel", "test.p.t_orders"]
        let (outcomes, _) = try run(failing: ["test.p.t_rel"], selected: selected)
        XCTAssertEqual(outcomes["joined"], .success("ok"))
        XCTAssertEqual(outcomes["t_orders"], .success("ok"))
        let (failingOrders, _) = try run(failing: ["test.p.t_orders"], selected: selected)
        XCTAssertEqual(skipped(failingOrders), ["joined"])
    }

    func testEdgesHoldWithSeveralWorkers() throws {
        for _ in 0..<5 {
            let (_, order) = try run(failing: [], threads: 4)
            func position(_ name: String) throws -> Int { try XCTUnwrap(order.firstIndex(of: name), name) }
            XCTAssertGreaterThan(try position("joined"), try position("t_rel"))
            XCTAssertGreaterThan(try position("order_totals"), try position("t_orders"))
        }
    }
}
