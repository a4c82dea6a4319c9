import DFXBasics
import DFXYAML
import XCTest

final class AnchorMergeTests: XCTestCase {
    private func parse(_ text: String) throws -> YAMLNode {
        try XCTUnwrap(YAML.parse(text, file: "t.yml"))
    }

    private func firstError(_ text: String, options: YAMLParseOptions = .init()) -> Diagnostic? {
        do {
            _ = try YAML.parseDocuments(text, file: "t.yml", options: options)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    func testAliasCopiesTheAnchoredNodeWithItsLocations() throws {
        let root = try parse("base: &b\n  x: 1\ncopy: *b\n")
        XCTAssertEqual(root.debugDescription, #"{"base": {"x": 1}, "copy": {"x": 1}}"#)
        XCTAssertEqual(root["copy"]?["x"]?.location.line, 2, "an alias keeps the anchored node's locations")
    }

    func testMergeTable() throws {
        // Expected values and key order checked with PyYAML 6.0.3 safe_load.
        let cases: [(String, String)] = [
            ("a: &a {x: 1, y: 2}\nb:\n  <<: *a\n  y: 3\n", #"{"x": 1, "y": 2}|{"x": 1, "y": 3}"#),
            ("a: &a {x: 1}\nc: &c {x: 2, z: 3}\nb:\n  <<: [*a, *c]\n", #"{"x": 1}|{"x": 1, "z": 3}"#),
            ("a: &a {x: 1}\nc: &c {x: 2}\nb:\n  <<: *a\n  <<: *c\n", #"{"x": 1}|{"x": 2}"#),
            ("a: &a {x: 1}\nb:\n  <<: {y: 5}\n", #"{"x": 1}|{"y": 5}"#),
            ("a: &a {x: 1}\nb:\n  '<<': *a\n", #"{"x": 1}|{"<<": {"x": 1}}"#),
        ]
        for (text, expected) in cases {
            let root = try parse(text)
            let got = "\(root["a"]?.debugDescription ?? "-")|\(root["b"]?.debugDescription ?? "-")"
            XCTAssertEqual(got, expected, text)
        }
    }

    func testMergedMappingsOfMergedMappings() throws {
        let root = try parse("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n")
        XCTAssertEqual(root["c"]?.debugDescription, #"{"x": 1, "y": 2, "z": 3}"#)
    }

    func testDuplicateKeysNameBothLocations() throws {
        let diagnostic = try XCTUnwrap(firstError("a: 1\nb: 2\na: 3\n"))
        XCTAssertEqual(diagnostic.headline, "t.yml:3:1: error: duplicate key 'a' in mapping")
        XCTAssertEqual(diagnostic.notes, ["first defined at t.yml:1:1"])
        // Merged keys never count as duplicates; explicit keys win.
        XCTAssertNil(firstError("a: &a {x: 1}\nb: {<<: *a, x: 2}\n"))
        // Duplicates in a large (hash-indexed) mapping too.
        let big = (0..<20).map { "k\($0): 1" }.joined(separator: "\n") + "\nk3: 2\n"
        XCTAssertEqual(firstError(big)?.headline, "t.yml:21:1: error: duplicate key 'k3' in mapping")
    }

    func testAliasBombIsStopped() throws {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let started = Date()
        let diagnostic = try XCTUnwrap(firstError(text))
        XCTAssertTrue(diagnostic.message.hasPrefix("alias '*a"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.hasSuffix("expands the document beyond 1000000 nodes"), diagnostic.message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertEqual(
            firstError("a: &a [1, 2, 3]\nb: [*a, *a, *a]\n", options: YAMLParseOptions(maxNodes: 12))?.headline,
            "t.yml:2:9: error: alias '*a' expands the document beyond 12 nodes")
    }

    func testRecursiveAndUnknownAliases() {
        XCTAssertEqual(
            firstError("a: &a [1, *a]\n")?.message, "alias '*a' refers to a node that contains it")
        let unknown = firstError("base: &base 1\nx: *bsae\n")
        XCTAssertEqual(unknown?.headline, "t.yml:2:4: error: unknown anchor 'bsae'")
        XCTAssertEqual(unknown?.hint, "did you mean 'base'?")
    }

    func testBadMergeValues() {
        XCTAssertEqual(
            firstError("a:\n  <<: 3\n")?.headline,
            "t.yml:2:7: error: the value of a merge key '<<' must be a mapping or a list of mappings, found a number")
        XCTAssertEqual(
            firstError("a:\n  <<: [{x: 1}, [2]]\n")?.headline,
            "t.yml:2:16: error: expected a mapping to merge with '<<', found a list")
    }

    func testTagsPyYAMLWouldReject() {
        XCTAssertEqual(firstError("a: !!int abc\n")?.headline, "t.yml:1:4: error: 'abc' is not a valid !!int value")
        XCTAssertEqual(firstError("a: !custom x\n")?.headline, "t.yml:1:4: error: unsupported tag '!custom'")
        XCTAssertEqual(firstError("a: !!python/object x\n")?.message, "unsupported tag '!!python/object'")
        XCTAssertNil(firstError("a: !!map {x: 1}\nb: !!seq [1]\nc: !!str 1\n"))
        XCTAssertEqual(firstError("a: !!str [1]\n")?.message, "tag '!!str' cannot be used on a list")
        XCTAssertEqual(firstError("a: !!map x\n")?.message, "tag '!!map' cannot be used on a scalar")
    }
}
