import DFXBasics
import DFXGraph
import XCTest

/// 10,000 nodes and ~30,000 edges: construction and selection must finish (results only; no timings).
final class ScaleTests: XCTestCase {
    /// Model i depends on up to three earlier models chosen by a fixed LCG; folders group 100 models.
    static func largeNodes(count: Int = 10_000) -> [GraphNode] {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { i in
            let parents = i == 0 ? [] : Array(Set((0..<3).map { _ in next(i) })).sorted().map { "model.big.m\($0)" }
            return GraphNode(
                uniqueID: "model.big.m\(i)", name: "m\(i)", resourceType: .model, packageName: "big",
                fqn: ["big", "f\(i / 100)", "m\(i)"], originalFilePath: "models/f\(i / 100)/m\(i).sql",
                tags: ["t\(i % 7)"], parents: parents)
        }
    }

    func testLargeGraphConstructionAndSelection() throws {
        let nodes = Self.largeNodes()
        let edgeCount = nodes.reduce(0) { $0 + $1.parents.count }
        XCTAssertGreaterThan(edgeCount, 25_000)
        let graph = try DependencyGraph(nodes: nodes)
        let order = graph.topologicalOrder
        XCTAssertEqual(order.count, nodes.count)
        var position: [String: Int] = [:]
        for (index, id) in order.enumerated() { position[id] = index }
        for node in nodes {
            for parent in node.parents { XCTAssertLessThan(position[parent] ?? .max, position[node.uniqueID] ?? -1) }
        }

        let selector = NodeSelector(graph: graph)
        let upstream = selector.select(try SelectorParser.parse("+m9999"))
        XCTAssertEqual(Set(upstream.uniqueIDs), graph.ancestors(of: ["model.big.m9999"]).union(["model.big.m9999"]))

        let tagged = selector.select(try SelectorParser.parse("tag:t3"))
        XCTAssertEqual(tagged.uniqueIDs.count, nodes.filter { $0.tags == ["t3"] }.count)

        let folder = selector.select(try SelectorParser.parse("f42,tag:t0"))
        XCTAssertEqual(Set(folder.uniqueIDs), Set((4200..<4300).filter { $0 % 7 == 0 }.map { "model.big.m\($0)" }))

        let downstream = selector.select(try SelectorParser.parse("m0+ path:models/f99"))
        XCTAssertEqual(Set(downstream.uniqueIDs),
                       graph.descendants(of: ["model.big.m0"]).union(["model.big.m0"]).union((9900..<10_000).map { "model.big.m\($0)" }))

        let around = selector.select(try SelectorParser.parse("@m5000"))
        let base = graph.descendants(of: ["model.big.m5000"]).union(["model.big.m5000"])
        XCTAssertEqual(Set(around.uniqueIDs), base.union(graph.ancestors(of: base)))
    }

    func testLongChainAndLongCycle() throws {
        let count = 10_000
        var nodes = (0..<count).map { i in
            Fixture.model("m\(i)", "", parents: i == 0 ? [] : ["model.shop.m\(i - 1)"])
        }
        let graph = try DependencyGraph(nodes: nodes)
        XCTAssertEqual(graph.depth(of: "model.shop.m9999"), 9999)
        XCTAssertEqual(graph.ancestors(of: ["model.shop.m9999"]).count, 9999)
        XCTAssertEqual(graph.ancestors(of: ["model.shop.m9999"], depth: 10).count, 10)

        nodes[0].parents = ["model.shop.m\(count - 1)"]
        XCTAssertThrowsError(try DependencyGraph(nodes: nodes)) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.notes.count, count)
            XCTAssertEqual(diagnostic?.message.hasPrefix("found a dependency cycle: model.shop.m0 -> model.shop.m1 -> "), true)
            XCTAssertEqual(diagnostic?.message.hasSuffix("model.shop.m9999 -> model.shop.m0"), true)
        }
    }
}
