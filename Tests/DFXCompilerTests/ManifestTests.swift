import DFXBasics
import DFXCompiler
import Foundation
import XCTest

/// `manifest.json` as written by `ManifestWriter`, read back with JSONSerialization.
final class ManifestTests: XCTestCase {
    func manifestJSON() throws -> (Manifest, [String: Any]) {
        var files = GenericTestTests.project
        files["models/docs.md"] = "{% docs orders_doc %}Every order.{% enddocs %}"
        files["macros/m.sql"] = "{% macro double(x) %}{{ x }} * 2{% endmacro %}"
        files["models/report.sql"] = "select {{ double('id') }} from {{ ref('orders') }}"
        let harness = try CompilerHarness(files)
        let (manifest, compiled) = try harness.compile()
        let graph = try manifest.dependencyGraph()
        let maps = manifest.parentAndChildMaps(graph)
        let writer = ManifestWriter(
            manifest: manifest, compiled: compiled, compiledPaths: [:], parentMap: maps.parents, childMap: maps.children,
            generatedAt: "2024-01-02T03:04:05.000000Z", dfxVersion: "0.0.0-test")
        let object = try JSONSerialization.jsonObject(with: Data(writer.bytes()))
        return (manifest, try XCTUnwrap(object as? [String: Any]))
    }

    func testTopLevelSections() throws {
        let (_, json) = try manifestJSON()
        for key in ["metadata", "nodes", "sources", "macros", "docs", "disabled", "parent_map", "child_map"] {
            XCTAssertNotNil(json[key], key)
        }
        let metadata = try XCTUnwrap(json["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["project_name"] as? String, "shop")
        XCTAssertEqual(metadata["invocation_id"] as? String, "00000000-test")
        XCTAssertEqual(metadata["generated_at"] as? String, "2024-01-02T03:04:05.000000Z")
        let macros = try XCTUnwrap(json["macros"] as? [String: [String: Any]])
        XCTAssertEqual(macros["macro.shop.double"]?["original_file_path"] as? String, "macros/m.sql")
        let docs = try XCTUnwrap(json["docs"] as? [String: [String: Any]])
        XCTAssertEqual(docs.values.first { ($0["name"] as? String) == "orders_doc" }?["block_contents"] as? String, "Every order.")
    }

    func testNodesAndSources() throws {
        let (_, json) = try manifestJSON()
        let nodes = try XCTUnwrap(json["nodes"] as? [String: [String: Any]])
        let sources = try XCTUnwrap(json["sources"] as? [String: [String: Any]])
        XCTAssertEqual(Set(sources.keys), ["source.shop.raw.events"])
        XCTAssertNil(nodes["source.shop.raw.events"], "sources live in their own section")
        let events = try XCTUnwrap(sources["source.shop.raw.events"])
        XCTAssertEqual(events["source_name"] as? String, "raw")
        XCTAssertEqual(events["resource_type"] as? String, "source")

        let report = try XCTUnwrap(nodes["model.shop.report"])
        XCTAssertEqual(report["resource_type"] as? String, "model")
        XCTAssertEqual(report["fqn"] as? [String], ["shop", "report"])
        XCTAssertEqual(report["schema"] as? String, "analytics")
        XCTAssertEqual(report["database"] as? String, "warehouse")
        XCTAssertEqual(report["raw_code"] as? String, "select {{ double('id') }} from {{ ref('orders') }}")
        XCTAssertEqual(report["compiled_code"] as? String, "select id * 2 from \"warehouse\".\"analytics\".\"orders\"")
        let checksum = try XCTUnwrap(report["checksum"] as? [String: Any])
        XCTAssertEqual(checksum["checksum"] as? String, Digest.sha256Hex("select {{ double('id') }} from {{ ref('orders') }}"))
        let refs = try XCTUnwrap(report["refs"] as? [[String: Any]])
        XCTAssertEqual(refs.count, 1)
        XCTAssertEqual(refs.first?["name"] as? String, "orders")
        let dependsOn = try XCTUnwrap(report["depends_on"] as? [String: Any])
        XCTAssertEqual(dependsOn["nodes"] as? [String], ["model.shop.orders"])
        XCTAssertEqual(dependsOn["macros"] as? [String], ["macro.shop.double"])

        let unique = try XCTUnwrap(nodes.values.first { ($0["name"] as? String) == "unique_orders_id" })
        let metadata = try XCTUnwrap(unique["test_metadata"] as? [String: Any])
        XCTAssertEqual(metadata["name"] as? String, "unique")
        XCTAssertEqual((metadata["kwargs"] as? [String: Any])?["column_name"] as? String, "id")
        XCTAssertEqual(unique["column_name"] as? String, "id")
        XCTAssertEqual(unique["attached_node"] as? String, "model.shop.orders")
        XCTAssertEqual(unique["original_file_path"] as? String, "models/schema.yml")
    }

    /// A column without meta, type, quote flag or tags has its tail copied in one piece; both
    /// kinds must read exactly as the member-by-member writing gives them, in dbt's key order.
    func testColumnsPlainAndDetailed() throws {
        let files = [
            "models/customers.sql": "select 1 as id, 'a' as name",
            "models/schema.yml": """
                models:
                  - name: customers
                    columns:
                      - name: id
                        description: The key
                      - name: name
                        data_type: text
                        quote: true
                        tags: [pii]
                        meta: {owner: crm}
                """,
        ]
        let harness = try CompilerHarness(files)
        let (manifest, compiled) = try harness.compile()
        let graph = try manifest.dependencyGraph()
        let maps = manifest.parentAndChildMaps(graph)
        let writer = ManifestWriter(
            manifest: manifest, compiled: compiled, compiledPaths: [:], parentMap: maps.parents, childMap: maps.children,
            generatedAt: "2024-01-02T03:04:05.000000Z", dfxVersion: "0.0.0-test")
        let text = String(decoding: writer.bytes(), as: UTF8.self)
        XCTAssertTrue(
            text.contains(
                #""columns":{"id":{"name":"id","description":"The key","meta":{},"data_type":null,"constraints":[],"quote":null,"tags":[]},"#
                    + #""name":{"name":"name","description":"","meta":{"owner":"crm"},"data_type":"text","constraints":[],"quote":true,"tags":["pii"]}}"#),
            text)
    }

    func testParentAndChildMaps() throws {
        let (manifest, json) = try manifestJSON()
        let parents = try XCTUnwrap(json["parent_map"] as? [String: [String]])
        let children = try XCTUnwrap(json["child_map"] as? [String: [String]])
        XCTAssertEqual(Set(parents.keys), Set(manifest.nodes.map(\.uniqueID)))
        XCTAssertEqual(parents["model.shop.report"], ["model.shop.orders"])
        XCTAssertTrue(children["model.shop.orders"]?.contains("model.shop.report") ?? false)
        XCTAssertEqual(parents["source.shop.raw.events"], [])
        for (child, list) in parents {
            for parent in list { XCTAssertTrue(children[parent]?.contains(child) ?? false, "\(parent) → \(child)") }
        }
    }
}

/// `dfx compile` writes the manifest in pieces (head, node batches in any completion order, tail)
/// from nodes compiled one at a time; the result must be the document `ManifestWriter.write` makes
/// from the whole-project compile, byte for byte.
final class StreamedManifestTests: XCTestCase {
    func testPiecesMakeTheSameDocumentAsTheWholeWriter() throws {
        var files = GenericTestTests.project
        files["models/docs.md"] = "{% docs orders_doc %}Every order.{% enddocs %}"
        files["macros/m.sql"] = "{% macro double(x) %}{{ x }} * 2{% endmacro %}"
        files["models/report.sql"] = "select {{ double('id') }} from {{ ref('orders') }} join {{ ref('recent') }} using (id)"
        files["models/recent.sql"] = "{{ config(materialized='ephemeral') }} select * from {{ ref('orders') }} where id > 1"
        let harness = try CompilerHarness(files)
        let (manifest, compiled) = try harness.compile()
        XCTAssertTrue(compiled["model.shop.report"]?.contains("__dbt__cte__recent") == true, "\(compiled)")
        let graph = try manifest.dependencyGraph()
        let maps = manifest.parentAndChildMaps(graph)
        let paths = Dictionary(uniqueKeysWithValues: compiled.keys.map { ($0, "target/compiled/" + $0 + ".sql") })
        let whole = ManifestWriter(
            manifest: manifest, compiled: compiled, compiledPaths: paths, parentMap: maps.parents, childMap: maps.children,
            generatedAt: "2024-01-02T03:04:05.000000Z", dfxVersion: "0.0.0-test"
        ).bytes()

        let pieces = ManifestWriter(
            manifest: manifest, compiled: [:], compiledPaths: [:], parentMap: maps.parents, childMap: maps.children,
            generatedAt: "2024-01-02T03:04:05.000000Z", dfxVersion: "0.0.0-test")
        let stream = try NodeCompiler(manifest: manifest, dialect: .postgres).streaming(for: Array(compiled.keys))
        for batchSize in [1, 2, 3, 1000] {
            var json = JSONWriter()
            pieces.writeHead(into: &json)
            var document = json.takeBytes()
            // Batches compiled in reverse, as workers may finish them, then written in order.
            let batches = pieces.nodeBatches(size: batchSize)
            var fragments: [Int: [UInt8]] = [:]
            for (number, range) in batches.enumerated().reversed() {
                fragments[number] = pieces.nodeFragment(range) { node in
                    guard compiled[node.uniqueID] != nil, case .success(let sql?) = stream.compile(node) else { return nil }
                    return (sql, paths[node.uniqueID])
                }
            }
            var wroteAny = false
            for number in batches.indices {
                guard let fragment = fragments[number], !fragment.isEmpty else { continue }
                if wroteAny { document.append(UInt8(ascii: ",")) }
                document += fragment
                wroteAny = true
            }
            document += pieces.tail()
            XCTAssertEqual(String(decoding: document, as: UTF8.self), String(decoding: whole, as: UTF8.self), "batches of \(batchSize)")
        }
    }
}
