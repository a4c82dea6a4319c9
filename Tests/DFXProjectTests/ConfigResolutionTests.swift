import DFXBasics
import XCTest

@testable import DFXProject

/// `ConfigMerge` (dbt's append/merge/replace rules) and `ConfigTree` resolution from a project file.
final class ConfigResolutionTests: XCTestCase {
    func testMergeRules() {
        let cases: [(base: [String: ConfigValue], overrides: [String: ConfigValue], key: String, expected: ConfigValue)] = [
            // Plain keys are replaced by the more specific place.
            (["materialized": .string("view")], ["materialized": .string("table")], "materialized", .string("table")),
            // tags append (a single string counts as a one-element list).
            (["tags": .list([.string("a")])], ["tags": .string("b")], "tags", .list([.string("a"), .string("b")])),
            // Hooks append, whatever the spelling.
            (["pre-hook": .string("one")], ["+pre_hook": .list([.string("two")])], "pre-hook", .list([.string("one"), .string("two")])),
            (["post-hook": .list([.string("x")])], ["post_hook": .string("y")], "post-hook", .list([.string("x"), .string("y")])),
            // meta merges key by key; the specific value wins per key.
            (
                ["meta": .dict(["owner": .string("a"), "tier": .int(1)])], ["meta": .dict(["owner": .string("b")])], "meta",
                .dict(["owner": .string("b"), "tier": .int(1)])
            ),
            (["docs": .dict(["show": .bool(true)])], ["docs": .dict(["node_color": .string("red")])], "docs",
             .dict(["show": .bool(true), "node_color": .string("red")])),
            // `+key` is stored without the plus.
            ([:], ["+schema": .string("marts")], "schema", .string("marts")),
        ]
        for (base, overrides, key, expected) in cases {
            let merged = ConfigMerge.merged(base, overrides)
            XCTAssertEqual(merged[key], expected, "\(base) + \(overrides)")
            XCTAssertNil(merged["+" + key.trimmingCharacters(in: CharacterSet(charactersIn: "+"))])
        }
    }

    func testCanonicalKeys() {
        let cases = ["+materialized": "materialized", "pre_hook": "pre-hook", "+post_hook": "post-hook", "tags": "tags"]
        for (input, expected) in cases { XCTAssertEqual(ConfigMerge.canonicalKey(input), expected, input) }
    }

    static let projectFile = """
        name: shop
        models:
          +materialized: view
          +tags: [base]
          shop:
            +meta: {owner: data}
            staging:
              materialized: table
              +tags: staging
              schema:
                +alias: under_a_folder_called_schema
              nested:
                +schema: deep
                +tags: [nested]
                meta: {tier: 2}
            marts:
              enabled: false
          other_package:
            +materialized: incremental
        """

    func testTreeResolutionDeepestFolderWins() throws {
        let project = try TemporaryProject(["dbt_project.yml": Self.projectFile]).load()
        let tree = try XCTUnwrap(project.settings.configTrees[.model])
        let cases: [(fqn: [String], key: String, expected: ConfigValue?)] = [
            (["shop", "staging", "nested", "m"], "materialized", .string("table")),
            (["shop", "staging", "nested", "m"], "schema", .string("deep")),
            (["shop", "staging", "nested", "m"], "tags", .list([.string("base"), .string("staging"), .string("nested")])),
            (["shop", "staging", "nested", "m"], "meta", .dict(["owner": .string("data"), "tier": .int(2)])),
            (["shop", "staging", "m"], "materialized", .string("table")),
            (["shop", "staging", "m"], "schema", nil),
            (["shop", "staging", "schema", "m"], "alias", .string("under_a_folder_called_schema")),
            (["shop", "marts", "m"], "enabled", .bool(false)),
            (["shop", "marts", "m"], "materialized", .string("view")),
            (["shop", "m"], "tags", .list([.string("base")])),
            // Another package's level does not apply to this project's nodes, and vice versa.
            (["shop", "m"], "materialized", .string("view")),
            (["other_package", "m"], "materialized", .string("incremental")),
            (["other_package", "staging", "m"], "meta", nil),
        ]
        for (fqn, key, expected) in cases {
            XCTAssertEqual(tree.resolve(fqn: fqn)[key], expected, "\(fqn.joined(separator: ".")) \(key)")
        }
        XCTAssertTrue(project.warnings.isEmpty, "\(project.warnings)")
    }

    func testUnknownConfigKeysWarnWithSuggestions() throws {
        let project = try TemporaryProject([
            "dfx_project.yml": """
            name: shop
            models:
              shop:
                +materialised: table
                staging:
                  materialzed: view
            """
        ]).load()
        let messages = project.warnings.map(\.description)
        XCTAssertEqual(project.warnings.count, 2, "\(messages)")
        XCTAssertTrue(project.warnings.allSatisfy { $0.severity == .warning })
        let plus = try XCTUnwrap(project.warnings.first { $0.message.contains("materialised") })
        XCTAssertEqual(plus.location, SourceLocation(file: "dfx_project.yml", line: 4, column: 5))
        XCTAssertEqual(plus.hint, "did you mean 'materialized'?")
        // A bare key with a plain value that is no known config is not silently taken as a folder.
        let bare = try XCTUnwrap(project.warnings.first { $0.message.contains("materialzed") })
        XCTAssertEqual(bare.location?.line, 6)
        XCTAssertEqual(bare.hint, "did you mean 'materialized'?")
    }
}
