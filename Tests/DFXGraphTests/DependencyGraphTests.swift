import DFXBasics
import XCTest

@testable import DFXGraph

final class DependencyGraphTests: XCTestCase {
    func testTopologicalOrderPutsParentsFirstAndIsStableByName() throws {
        let graph = try Fixture.graph()
        let order = graph.topologicalOrder
        XCTAssertEqual(order.count, Fixture.nodes.count)
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        for node in Fixture.nodes {
            for parent in node.parents {
                XCTAssertLessThan(try XCTUnwrap(position[parent]), try XCTUnwrap(position[node.uniqueID]), "\(parent) before \(node.uniqueID)")
            }
        }
        // Roots ready at the start come out alphabetically by name: calendar, country_codes, customers, ….
        XCTAssertEqual(order.prefix(3).map(Fixture.short), ["calendar", "country_codes", "raw.customers"])
        // Same input shuffled: same order.
        let shuffled = try DependencyGraph(nodes: Fixture.nodes.reversed())
        XCTAssertEqual(shuffled.topologicalOrder, order)
    }

    func testDepthsAndLevels() throws {
        let graph = try Fixture.graph()
        let cases: [(String, Int)] = [
            ("source.shop.raw.orders", 0), ("model.shop.stg_orders", 1), ("model.shop.int_orders_payments", 2),
            ("model.shop.int_customer_orders", 3), ("model.shop.dim_customers", 4), ("model.shop.customer_ltv", 5),
            ("test.shop.assert_positive_ltv", 6), ("model.utils.calendar", 0), ("model.shop.fct_daily", 4),
        ]
        for (id, depth) in cases { XCTAssertEqual(graph.depth(of: id), depth, id) }
        XCTAssertNil(graph.depth(of: "model.shop.nope"))
        let levels = graph.levels
        XCTAssertEqual(levels.count, 7)
        XCTAssertEqual(Set(levels[0].map(Fixture.short)), ["raw.orders", "raw.customers", "stripe.payments", "country_codes", "calendar"])
    }

    func testParentsChildrenAncestorsDescendants() throws {
        let graph = try Fixture.graph()
        XCTAssertEqual(graph.parents(of: "model.shop.int_orders_payments"), ["model.shop.stg_orders", "model.shop.stg_payments"])
        XCTAssertEqual(
            Set(graph.children(of: "model.shop.fct_orders").map(Fixture.short)),
            ["customer_ltv", "fct_daily", "order_trends", "relationships_fct_orders_customer_id"])
        XCTAssertEqual(graph.children(of: "unknown"), [])
        XCTAssertEqual(
            Set(graph.ancestors(of: ["model.shop.fct_orders"]).map(Fixture.short)),
            ["int_orders_payments", "stg_orders", "stg_payments", "raw.orders", "stripe.payments"])
        XCTAssertEqual(
            Set(graph.ancestors(of: ["model.shop.fct_orders"], depth: 1).map(Fixture.short)), ["int_orders_payments"])
        XCTAssertEqual(
            Set(graph.ancestors(of: ["model.shop.fct_orders"], depth: 2).map(Fixture.short)),
            ["int_orders_payments", "stg_orders", "stg_payments"])
        XCTAssertEqual(graph.ancestors(of: ["model.shop.fct_orders"], depth: 0), [])
        XCTAssertEqual(
            Set(graph.descendants(of: ["model.shop.dim_customers"], depth: 1).map(Fixture.short)),
            ["customer_ltv", "unique_dim_customers_customer_id", "relationships_fct_orders_customer_id"])
        // A start node upstream of another start node is included (dbt unions per-node ancestors).
        XCTAssertTrue(graph.ancestors(of: ["model.shop.stg_orders", "model.shop.fct_orders"]).contains("model.shop.stg_orders"))
    }

    func testCycleDiagnosticShowsWholeCycleWithPaths() throws {
        let nodes = [
            Fixture.model("a", "", parents: ["model.shop.c"]),
            Fixture.model("b", "", parents: ["model.shop.a"]),
            Fixture.model("c", "", parents: ["model.shop.b"]),
            Fixture.model("d", "", parents: ["model.shop.c"]),
            Fixture.model("root", "", parents: []),
        ]
        XCTAssertThrowsError(try DependencyGraph(nodes: nodes)) { error in
            guard let error = error as? DiagnosticError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.diagnostics.count, 1)
            let diagnostic = error.diagnostics[0]
            XCTAssertEqual(
                diagnostic.message, "found a dependency cycle: model.shop.a -> model.shop.b -> model.shop.c -> model.shop.a")
            XCTAssertEqual(diagnostic.notes, [
                "model.shop.a (models/a.sql)", "model.shop.b (models/b.sql)", "model.shop.c (models/c.sql)",
            ])
            XCTAssertEqual(diagnostic.location?.file, "models/a.sql")
            XCTAssertEqual(error.description, """
                models/a.sql:1:1: error: found a dependency cycle: model.shop.a -> model.shop.b -> model.shop.c -> model.shop.a
                  note: model.shop.a (models/a.sql)
                  note: model.shop.b (models/b.sql)
                  note: model.shop.c (models/c.sql)
                  hint: each arrow points from a node to one that depends on it; remove one of these references to break the cycle
                """)
        }
    }

    func testSelfReferenceIsACycle() {
        let nodes = [Fixture.model("a", "", parents: ["model.shop.a"])]
        XCTAssertThrowsError(try DependencyGraph(nodes: nodes)) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.message,
                           "found a dependency cycle: model.shop.a -> model.shop.a")
        }
    }

    func testMissingParentsAreAllReportedWithSuggestions() {
        let nodes = [
            Fixture.model("stg_orders", "", parents: []),
            Fixture.model("a", "", parents: ["model.shop.stg_order"]),
            Fixture.model("b", "", parents: ["model.shop.zzz"]),
        ]
        XCTAssertThrowsError(try DependencyGraph(nodes: nodes)) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.message), [
                "'model.shop.a' depends on 'model.shop.stg_order', which does not exist",
                "'model.shop.b' depends on 'model.shop.zzz', which does not exist",
            ])
            XCTAssertEqual(diagnostics.first?.hint, "did you mean 'model.shop.stg_orders'?")
            XCTAssertEqual(diagnostics.first?.location?.file, "models/a.sql")
        }
    }

    func testDuplicateIDsAndDuplicateEdges() throws {
        XCTAssertThrowsError(try DependencyGraph(nodes: [Fixture.model("a", "", parents: []), Fixture.model("a", "x", parents: [])])) {
            XCTAssertEqual((($0 as? DiagnosticError)?.diagnostics.first?.message), "duplicate node 'model.shop.a'")
        }
        let graph = try DependencyGraph(nodes: [
            Fixture.model("a", "", parents: []), Fixture.model("b", "", parents: ["model.shop.a", "model.shop.a"]),
        ])
        XCTAssertEqual(graph.parents(of: "model.shop.b"), ["model.shop.a"])
        XCTAssertEqual(graph.children(of: "model.shop.a"), ["model.shop.b"])
    }

    func testEmptyGraph() throws {
        let graph = try DependencyGraph(nodes: [])
        XCTAssertEqual(graph.topologicalOrder, [])
        XCTAssertEqual(graph.levels, [])
        XCTAssertEqual(NodeSelector(graph: graph).select(.all).uniqueIDs, [])
    }
}
