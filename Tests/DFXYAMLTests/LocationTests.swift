import DFXBasics
import DFXYAML
import XCTest

/// Line and column of nodes: libyaml's 0-based marks become 1-based, columns in characters.
final class LocationTests: XCTestCase {
    private func place(_ node: YAMLNode?) -> String {
        guard let node else { return "missing" }
        return "\(node.location.line):\(node.location.column)+\(node.length)"
    }

    func testNestedBlockNodes() throws {
        let text = """
            version: 2
            models:
              - name: orders
                columns:
                  - name: id
                    tests: [unique, not_null]
            """
        let root = try XCTUnwrap(YAML.parse(text, file: "models/schema.yml"))
        XCTAssertEqual(root.location.file, "models/schema.yml")
        let model = root["models"]?[0]
        let column = model?["columns"]?[0]
        let cases: [(YAMLNode?, String)] = [
            (root, "1:1+1"),
            (root["version"], "1:10+1"),
            (root["models"], "3:3+1"),
            (model, "3:5+1"),
            (model?["name"], "3:11+6"),
            (column?["name"], "5:15+2"),
            (column?["tests"], "6:16+18"),
            (column?["tests"]?[1], "6:25+8"),
        ]
        for (position, (node, expected)) in cases.enumerated() {
            XCTAssertEqual(place(node), expected, "case \(position)")
        }
        let keyOfTests = column?.mapping?.entry(forKey: "tests")?.key
        XCTAssertEqual(place(keyOfTests), "6:9+5")
    }

    func testBlockScalarsPointAtTheirIndicator() throws {
        let text = "a:\n  sql: |\n    select 1\n  doc: >-\n    folded\n    text\n"
        let root = try XCTUnwrap(YAML.parse(text, file: "t.yml"))
        XCTAssertEqual(place(root["a"]?["sql"]), "2:8+1")
        XCTAssertEqual(root["a"]?["sql"]?.scalarText, "select 1\n")
        XCTAssertEqual(place(root["a"]?["doc"]), "4:8+1")
        XCTAssertEqual(root["a"]?["doc"]?.scalarText, "folded text")
    }

    func testFlowCollectionsAndQuotedScalars() throws {
        let text = "m: {a: 'x', b: [1, \"two\"]}\n"
        let root = try XCTUnwrap(YAML.parse(text, file: "t.yml"))
        XCTAssertEqual(place(root["m"]), "1:4+23")
        XCTAssertEqual(place(root["m"]?["a"]), "1:8+3")
        XCTAssertEqual(place(root["m"]?["b"]), "1:16+10")
        XCTAssertEqual(place(root["m"]?["b"]?[1]), "1:20+5")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try XCTUnwrap(YAML.parse("naïve: «café»\nnext: é\n", file: "t.yml"))
        XCTAssertEqual(root["naïve"]?.stringValue, "«café»")
        XCTAssertEqual(place(root["naïve"]), "1:8+6")
        XCTAssertEqual(place(root["next"]), "2:7+1")
    }

    func testByteOrderMarkIsIgnored() throws {
        let root = try XCTUnwrap(YAML.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "t.yml"))
        XCTAssertEqual(root["a"]?.intValue, 1)
        XCTAssertEqual(place(root["a"]), "1:4+1")
        XCTAssertEqual(root.mapping?.keys, ["a"])
    }

    func testCRLFLineEndings() throws {
        let text = "a: 1\r\nb:\r\n  - x\r\n  - y\r\n"
        let root = try XCTUnwrap(YAML.parse(text, file: "t.yml"))
        XCTAssertEqual(root.debugDescription, #"{"a": 1, "b": ["x", "y"]}"#)
        XCTAssertEqual(place(root["b"]?[1]), "4:5+1")
        let diagnostic = root["b"]?[1]?.diagnostic("boom")
        XCTAssertEqual(diagnostic?.sourceLine, "  - y")
    }

    func testDiagnosticsQuoteTheSourceLine() throws {
        let root = try XCTUnwrap(YAML.parse("a:\n  b: [1, 2]\n", file: "x.yml"))
        let diagnostic = try XCTUnwrap(root["a"]?["b"]?.diagnostic("not here", hint: "elsewhere"))
        XCTAssertEqual(
            diagnostic.description,
            """
            x.yml:2:6: error: not here
             2 |   b: [1, 2]
               |      ^~~~~~
              hint: elsewhere
            """)
    }
}
