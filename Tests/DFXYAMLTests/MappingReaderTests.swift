import DFXBasics
import DFXYAML
import XCTest

/// Typed decoding with `YAMLMappingReader`: values, absences, and errors at the right place.
final class MappingReaderTests: XCTestCase {
    private let schema = """
        version: 2
        models:
          - name: orders
            description: "Orders, one row each"
            enabled: yes
            tags: nightly
            meta:
              owner: data
              priority: 1.5
            retries: 3
            config:
            columns:
              - name: id
                tests: [unique, not_null]
        """

    private func model() throws -> YAMLMappingReader {
        let root = try XCTUnwrap(YAML.parse(schema, file: "models/schema.yml"))
        var file = try YAMLMappingReader(root, context: "schema file")
        XCTAssertEqual(try file.int("version"), 2)
        let models = try file.requiredList("models")
        return try YAMLMappingReader(try XCTUnwrap(models.first), context: "model 'orders'")
    }

    func testReadsTypedValues() throws {
        var model = try model()
        XCTAssertEqual(try model.requiredString("name"), "orders")
        XCTAssertEqual(try model.string("description"), "Orders, one row each")
        XCTAssertEqual(try model.bool("enabled"), true)
        XCTAssertEqual(try model.stringList("tags", allowSingle: true), ["nightly"])
        XCTAssertEqual(try model.int("retries"), 3)
        XCTAssertEqual(try model.double("retries"), 3)
        XCTAssertNil(try model.mapping("config"), "a null value reads as absent")
        XCTAssertNil(try model.string("missing"))
        var meta = try XCTUnwrap(model.mapping("meta"))
        XCTAssertEqual(meta.context, "'meta' of model 'orders'")
        XCTAssertEqual(try meta.string("owner"), "data")
        XCTAssertEqual(try meta.double("priority"), 1.5)
        let columns = try XCTUnwrap(model.list("columns"))
        var column = try YAMLMappingReader(columns[0], context: "column 'id'")
        XCTAssertEqual(try column.stringList("tests"), ["unique", "not_null"])
        XCTAssertEqual(column.unknownKeys(), [Diagnostic(.warning, "unknown key 'name' in column 'id'", at: SourceLocation(file: "models/schema.yml", line: 13, column: 9), length: 4, sourceLine: "      - name: id")])
        XCTAssertEqual(model.unknownKeys(), [])
    }

    func testUnknownKeysSuggestNearNames() throws {
        let text = "name: orders\ntets: [unique]\ndescriptoin: x\nwhatever: 1\n"
        var model = try YAMLMappingReader(try XCTUnwrap(YAML.parse(text, file: "m.yml")), context: "model 'orders'")
        _ = try model.string("name")
        _ = try model.list("tests")
        _ = try model.string("description")
        let warnings = model.unknownKeys()
        XCTAssertEqual(warnings.map(\.headline), [
            "m.yml:2:1: warning: unknown key 'tets' in model 'orders'",
            "m.yml:3:1: warning: unknown key 'descriptoin' in model 'orders'",
            "m.yml:4:1: warning: unknown key 'whatever' in model 'orders'",
        ])
        XCTAssertEqual(warnings.map(\.hint), ["did you mean 'tests'?", "did you mean 'description'?", nil])
        let allowed = model.unknownKeys(allowed: ["name", "tets", "description", "descriptoin"])
        XCTAssertEqual(allowed.map(\.message), ["unknown key 'whatever' in model 'orders'"])
    }

    func testCollectingGathersEveryProblem() throws {
        let text = "name: 42\ntags: [a, [b]]\nenabled: true\n"
        var model = try YAMLMappingReader(try XCTUnwrap(YAML.parse(text, file: "m.yml")), context: "model")
        var problems: [Diagnostic] = []
        let name = model.collecting(into: &problems) { try $0.requiredString("name") }
        let tags = model.collecting(into: &problems) { try $0.stringList("tags") }
        let enabled = model.collecting(into: &problems) { try $0.bool("enabled") }
        XCTAssertNil(name)
        XCTAssertNil(tags)
        XCTAssertEqual(enabled, true)
        XCTAssertEqual(problems.map(\.headline), [
            "m.yml:1:7: error: 'name' must be a string, found a number",
            "m.yml:2:11: error: each item of 'tags' must be a string, found a list",
        ])
    }

    func testDecodingErrors() throws {
        typealias Read = (inout YAMLMappingReader) throws(DiagnosticError) -> Void
        let cases: [(name: String, text: String, read: Read)] = [
            ("list given a mapping", "name: orders\ncolumns:\n  - name: id\n    tests:\n      unique: true\n", { r throws(DiagnosticError) in
                let columns = try r.requiredList("columns")
                var column = try YAMLMappingReader(columns[0], context: "column 'id'")
                _ = try column.list("tests")
            }),
            ("flow mapping where a list belongs", "tests: {unique: true}\n", { r throws(DiagnosticError) in _ = try r.list("tests") }),
            ("string given a number", "name: 42\n", { r throws(DiagnosticError) in _ = try r.string("name") }),
            ("string given a list", "description:\n  - a\n  - b\n", { r throws(DiagnosticError) in _ = try r.string("description") }),
            ("boolean given a string", "enabled: yess\n", { r throws(DiagnosticError) in _ = try r.bool("enabled") }),
            ("integer given a float", "retries: 2.5\n", { r throws(DiagnosticError) in _ = try r.int("retries") }),
            ("number given a string", "priority: high\n", { r throws(DiagnosticError) in _ = try r.double("priority") }),
            ("required key missing", "description: x\n", { r throws(DiagnosticError) in _ = try r.requiredString("name") }),
            ("required key null", "name:\ndescription: x\n", { r throws(DiagnosticError) in _ = try r.requiredString("name") }),
            ("list item not a string", "tags: [a, {b: 1}]\n", { r throws(DiagnosticError) in _ = try r.stringList("tags") }),
            ("single string not allowed", "tags: nightly\n", { r throws(DiagnosticError) in _ = try r.stringList("tags") }),
            ("mapping given a string", "config: materialized\n", { r throws(DiagnosticError) in _ = try r.mapping("config") }),
        ]
        var out = ""
        for (name, text, read) in cases {
            let output: String
            do {
                let root = try YAML.parse(text, file: "models/staging/schema.yml")
                var reader = try YAMLMappingReader(root ?? YAMLNode(.mapping(YAMLMapping()), location: SourceLocation(file: "-", line: 1, column: 1)), context: "model 'orders'")
                try read(&reader)
                output = "(no error)"
            } catch {
                output = error.description
            }
            out += Golden.section(name, input: text, output: output)
        }
        do {
            _ = try YAMLMappingReader(try XCTUnwrap(YAML.parse("- a\n- b\n", file: "dbt_project.yml")), context: "the project file")
            XCTFail("a list is not a mapping")
        } catch let error as DiagnosticError {
            out += Golden.section("top level not a mapping", input: "- a\n- b\n", output: error.description)
        }
        Golden.assertMatches(out, named: "decoding-errors")
    }
}
