import DFXBasics
import XCTest

@testable import DFXProject

/// Properties YAML: sources, models, columns, and every spelling of a generic test.
final class PropertiesDecodingTests: XCTestCase {
    static let properties = """
        version: 2
        sources:
          - name: raw
            schema: "{{ var('raw_schema', 'landing') }}"
            tags: [external]
            tables:
              - name: orders
                identifier: raw_orders
                columns:
                  - name: id
                    tests: [unique, not_null]
                data_tests:
                  - dbt_utils.expression_is_true:
                      expression: "id > 0"
              - name: customers
        models:
          - name: stg_orders
            description: Orders.
            config:
              materialized: table
              tags: [yaml]
            tags: [legacy]
            meta: {owner: ops}
            data_tests:
              - name: orders_have_customers
                test_name: relationships
                to: ref('stg_customers')
                field: id
                severity: warn
            columns:
              - name: order_id
                description: The key.
                tests:
                  - unique
                  - not_null:
                      config:
                        where: "order_id > 0"
              - name: status
                data_tests:
                  - accepted_values:
                      values: [placed, shipped]
                      severity: warn
                tests:
                  - accepted_values:
                      arguments:
                        values: ["a", "b"]
                        quote: false
                      config:
                        tags: [quality]
                        error_if: ">10"
        """

    func loadProject(vars: [String: ConfigValue] = [:]) throws -> Project {
        try TemporaryProject([
            "dbt_project.yml": "name: shop\n",
            "models/staging/schema.yml": Self.properties,
        ]).load(vars: vars)
    }

    func testSources() throws {
        let project = try loadProject()
        XCTAssertEqual(project.sources.count, 1)
        let source = try XCTUnwrap(project.sources.first)
        XCTAssertEqual(source.name, "raw")
        XCTAssertEqual(source.schema, "landing", "var() default rendered")
        XCTAssertEqual(source.tags, ["external"])
        XCTAssertEqual(source.file, "models/staging/schema.yml")
        XCTAssertEqual(source.folders, ["staging"])
        XCTAssertEqual(source.tables.map(\.name), ["orders", "customers"])
        let orders = source.tables[0]
        XCTAssertEqual(orders.identifier, "raw_orders")
        XCTAssertEqual(orders.columns.map(\.name), ["id"])
        XCTAssertEqual(orders.columns[0].tests.map(\.testName), ["unique", "not_null"])
        XCTAssertEqual(orders.tests.map(\.testName), ["dbt_utils.expression_is_true"])
        XCTAssertEqual(orders.tests.first?.arguments["expression"], .string("id > 0"))
        XCTAssertEqual(try loadProject(vars: ["raw_schema": .string("bronze")]).sources.first?.schema, "bronze")
    }

    func testModelPropertiesAndTestSpellings() throws {
        let project = try loadProject()
        let model = try XCTUnwrap(project.properties.first { $0.name == "stg_orders" })
        XCTAssertEqual(model.resourceType, .model)
        XCTAssertEqual(model.description, "Orders.")
        XCTAssertEqual(model.config["materialized"], .string("table"))
        XCTAssertEqual(model.config["tags"], .list([.string("yaml"), .string("legacy")]))
        XCTAssertEqual(model.config["meta"], .dict(["owner": .string("ops")]))

        // test_name + name: a custom name; loose keys split between arguments and config.
        let custom = try XCTUnwrap(model.tests.first)
        XCTAssertEqual(custom.testName, "relationships")
        XCTAssertEqual(custom.customName, "orders_have_customers")
        XCTAssertEqual(custom.arguments, ["to": .string("ref('stg_customers')"), "field": .string("id")])
        XCTAssertEqual(custom.config, ["severity": .string("warn")])

        let orderID = try XCTUnwrap(model.columns.first { $0.name == "order_id" })
        XCTAssertEqual(orderID.description, "The key.")
        XCTAssertEqual(orderID.tests.map(\.testName), ["unique", "not_null"])
        XCTAssertEqual(orderID.tests[1].config["where"], .string("order_id > 0"))
        XCTAssertTrue(orderID.tests[1].arguments.isEmpty)

        // Both `data_tests:` and `tests:` on one column add up.
        let status = try XCTUnwrap(model.columns.first { $0.name == "status" })
        XCTAssertEqual(status.tests.count, 2)
        let inline = try XCTUnwrap(status.tests.first { $0.config["severity"] != nil })
        XCTAssertEqual(inline.arguments["values"], .list([.string("placed"), .string("shipped")]))
        XCTAssertEqual(inline.config["severity"], .string("warn"))
        let nested = try XCTUnwrap(status.tests.first { $0.config["severity"] == nil })
        XCTAssertEqual(nested.arguments, ["values": .list([.string("a"), .string("b")]), "quote": .bool(false)])
        XCTAssertEqual(nested.config["tags"], .list([.string("quality")]))
        XCTAssertEqual(nested.config["error_if"], .string(">10"))
        XCTAssertEqual(nested.location.file, "models/staging/schema.yml")
    }

    func testMalformedTestsAreLocatedErrors() throws {
        let cases: [(yaml: String, line: Int, fragment: String)] = [
            ("models:\n  - name: m\n    columns:\n      - name: c\n        tests:\n          - unique: {}\n            not_null: {}\n", 6, "exactly one key"),
            ("models:\n  - name: m\n    tests:\n      - accepted_values: [a, b]\n", 4, "mapping"),
            ("models:\n  - description: no name\n", 2, "name"),
            ("sources:\n  - name: s\n    tables: 3\n", 3, "tables"),
        ]
        for (yaml, line, fragment) in cases {
            let project = try TemporaryProject(["dbt_project.yml": "name: shop\n", "models/schema.yml": yaml])
            let errors = project.loadErrors()
            let error = try XCTUnwrap(errors.first, yaml)
            XCTAssertEqual(error.location?.file, "models/schema.yml", yaml)
            XCTAssertEqual(error.location?.line, line, "\(yaml)\n\(error.description)")
            XCTAssertTrue(error.description.contains(fragment), error.description)
            XCTAssertTrue(error.description.contains("^"), "caret under the source line: \(error.description)")
        }
    }

    /// Golden diagnostics of the properties decoder: location, source line, caret and underline.
    func testPropertiesErrorGoldens() throws {
        let cases: [(yaml: String, expected: String)] = [
            (
                "models:\n  - name: m\n    columns: {id: 1}\n",
                """
                models/a.yml:3:14: error: 'columns' must be a list, found a mapping
                 3 |     columns: {id: 1}
                   |              ^~~~~~~
                """
            ),
            (
                "sources:\n  - name: s\n    tables:\n      - name: t\n        columns:\n          - name: id\n            tests:\n              - accepted_values: [a]\n",
                """
                models/a.yml:8:34: error: the arguments of test 'accepted_values' must be a mapping, found a list
                 8 |               - accepted_values: [a]
                   |                                  ^~~
                """
            ),
            (
                "models:\n  - name: m\n    config: [1]\n",
                """
                models/a.yml:3:13: error: 'config' must be a mapping, found a list
                 3 |     config: [1]
                   |             ^~~
                """
            ),
        ]
        for (yaml, expected) in cases {
            let errors = try TemporaryProject(["dbt_project.yml": "name: shop\n", "models/a.yml": yaml]).loadErrors()
            XCTAssertEqual(errors.map(\.description).joined(separator: "\n"), expected)
        }
    }

    func testUnknownKeysWarnWithSuggestions() throws {
        let project = try TemporaryProject([
            "dbt_project.yml": "name: shop\n",
            "models/schema.yml": "version: 2\nmodel:\n  - name: m\nmodels:\n  - name: m\n    descripton: typo\n",
        ]).load()
        XCTAssertEqual(project.warnings.count, 2, "\(project.warnings.map(\.description))")
        let topLevel = try XCTUnwrap(project.warnings.first { $0.message.contains("'model'") })
        XCTAssertEqual(topLevel.location?.line, 2)
        XCTAssertEqual(topLevel.hint, "did you mean 'models'?")
        let nested = try XCTUnwrap(project.warnings.first { $0.message.contains("descripton") })
        XCTAssertEqual(nested.location, SourceLocation(file: "models/schema.yml", line: 6, column: 5))
        XCTAssertEqual(nested.hint, "did you mean 'description'?")
    }
}
