import DFXBasics
import DFXYAML
import XCTest

final class DocumentTests: XCTestCase {
    func testEmptyInputsHaveNoDocument() throws {
        for text in ["", "\n\n", "# only a comment\n", "   "] {
            XCTAssertNil(try YAML.parse(text, file: "t.yml"), "\(text.debugDescription)")
            XCTAssertEqual(try YAML.parseDocuments(text, file: "t.yml").count, 0)
        }
    }

    func testExplicitEmptyDocumentIsNull() throws {
        let node = try XCTUnwrap(YAML.parse("---\n", file: "t.yml"))
        XCTAssertTrue(node.isNull)
    }

    func testMultipleDocuments() throws {
        let text = "a: 1\n---\n- x\n---\n...\n---\nplain\n"
        let documents = try YAML.parseDocuments(text, file: "t.yml")
        XCTAssertEqual(documents.map(\.debugDescription), [#"{"a": 1}"#, #"["x"]"#, "null", #""plain""#])
        XCTAssertEqual(documents[1].location.line, 3)
    }

    func testParseRejectsASecondDocument() {
        XCTAssertThrowsError(try YAML.parse("a: 1\n---\nb: 2\n", file: "t.yml")) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.headline, "t.yml:2:1: error: expected a single document, but found another document")
            XCTAssertEqual(diagnostic?.notes, ["the first document starts at t.yml:1:1"])
        }
    }

    func testAnchorsDoNotCrossDocuments() {
        XCTAssertThrowsError(try YAML.parseDocuments("a: &x 1\n---\nb: *x\n", file: "t.yml")) { error in
            XCTAssertEqual(
                (error as? DiagnosticError)?.diagnostics.first?.headline, "t.yml:3:4: error: unknown anchor 'x'")
        }
    }

    func testMappingKeepsOrderAndLooksUpLargeMappings() throws {
        let keys = (0..<40).map { "key\($0)" }
        let text = keys.enumerated().map { "\($0.element): \($0.offset)" }.joined(separator: "\n")
        let root = try XCTUnwrap(YAML.parse(text, file: "t.yml"))
        XCTAssertEqual(root.mapping?.keys, keys)
        for (position, key) in keys.enumerated() { XCTAssertEqual(root[key]?.intValue, position) }
        XCTAssertNil(root["key40"])
    }

    func testUTF8Content() throws {
        let root = try XCTUnwrap(YAML.parse("名前: \"日本語 \\u00e9\"\nemoji: 🚀\n", file: "t.yml"))
        XCTAssertEqual(root["名前"]?.stringValue, "日本語 é")
        XCTAssertEqual(root["emoji"]?.stringValue, "🚀")
    }

    func testDeepNestingIsRejectedNotCrashed() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try YAML.parse(deep, file: "t.yml")) { error in
            XCTAssertEqual(
                (error as? DiagnosticError)?.diagnostics.first?.message, "nesting is deeper than 256 levels")
        }
        XCTAssertNoThrow(try YAML.parse(String(repeating: "[", count: 200) + String(repeating: "]", count: 200), file: "t.yml"))
    }
}
