import DFXBasics
import DFXCompiler
import XCTest

@testable import DFXCompiler

/// Generic test nodes: dbt's naming algorithm, dependencies and compiled SQL.
final class GenericTestTests: XCTestCase {
    func testSynthesizedNames() {
        let cases: [(type: String, target: String, arguments: [String: ConfigValue], isSource: Bool, expected: String)] = [
            ("unique", "orders", ["column_name": .string("id")], false, "unique_orders_id"),
            ("accepted_values", "orders", ["column_name": .string("status"), "values": .list([.string("a"), .string("b")])], false,
             "accepted_values_orders_status__a__b"),
            ("not_null", "raw_orders", ["column_name": .string("id")], true, "source_not_null_raw_orders_id"),
            ("accepted_values", "orders", ["column_name": .string("n"), "values": .list([.int(1), .bool(true)]), "quote": .bool(false)],
             false, "accepted_values_orders_n__False__1__True"),
            ("expression_is_true", "orders", ["expression": .string("amount >= 0")], false, "expression_is_true_orders_amount_0"),
            // 64 characters or more: the first 30 characters of `<test>_<target>` and the MD5 of the full name.
            ("relationships", "stg_orders", ["column_name": .string("customer_id"), "to": .string("ref('stg_customers')"),
                                             "field": .string("customer_id")], false,
             "relationships_stg_orders_" + Digest.md5Hex("relationships_stg_orders_customer_id__customer_id__ref_stg_customers_")),
            ("accepted_values", "a_rather_long_model_name", ["column_name": .string("status_code"),
                "values": .list([.string("one"), .string("two"), .string("three")])], false,
             "accepted_values_a_rather_long__" + Digest.md5Hex("accepted_values_a_rather_long_model_name_status_code__one__two__three")),
        ]
        for (type, target, arguments, isSource, expected) in cases {
            XCTAssertEqual(
                ParseState.synthesizeName(testType: type, targetName: target, arguments: arguments, isSource: isSource), expected)
        }
        // Exactly 63 characters stays; 64 is hashed.
        let base = "unique_m_"
        let short = ParseState.synthesizeName(
            testType: "unique", targetName: "m", arguments: ["column_name": .string(String(repeating: "c", count: 63 - base.count))],
            isSource: false)
        XCTAssertEqual(short.count, 63)
        let long = ParseState.synthesizeName(
            testType: "unique", targetName: "m", arguments: ["column_name": .string(String(repeating: "c", count: 64 - base.count))],
            isSource: false)
        XCTAssertEqual(long, "unique_m_" + Digest.md5Hex(base + String(repeating: "c", count: 64 - base.count)))
    }

    /// Python's `re.sub("[^0-9a-zA-Z_]+", "_", text)`: a run of non-word characters, non-ASCII
    /// letters included, becomes one `_`.
    func testNonWordRunsBecomeOneUnderscore() {
        let cases: [(String, String)] = [
            ("customer_id", "customer_id"), ("amount >= 0", "amount_0"), ("ref('stg_customers')", "ref_stg_customers_"),
            ("café", "caf_"), ("a é-b", "a_b"), ("naïve ünïcode", "na_ve_n_code"), ("", ""), ("日本", "_"), ("A9_z", "A9_z"),
        ]
        for (text, expected) in cases { XCTAssertEqual(ParseState.replaceNonWord(text), expected, text) }
    }

    static let project: [String: String] = [
        "models/customers.sql": "select 1 as id",
        "models/orders.sql": "select 1 as id, 1 as customer_id, 'a' as status",
        "models/schema.yml": """
            models:
              - name: orders
                columns:
                  - name: id
                    tests: [unique, not_null]
                  - name: status
                    tests:
                      - accepted_values:
                          values: [a, b]
                          config:
                            where: "status is not null"
                  - name: customer_id
                    tests:
                      - relationships:
                          to: ref('customers')
                          field: id
                      - name: custom_named
                        test_name: not_null
            sources:
              - name: raw
                tables:
                  - name: events
                    columns:
                      - name: id
                        tests: [unique]
            """,
    ]

    func testTestNodes() throws {
        let (manifest, compiled) = try CompilerHarness(Self.project).compile()
        let tests = manifest.nodes.filter { $0.resourceType == .test }
        XCTAssertEqual(
            Set(tests.map(\.name)),
            [
                "unique_orders_id", "not_null_orders_id", "accepted_values_orders_status__a__b", "custom_named",
                "relationships_orders_customer_id__id__ref_customers_", "source_unique_raw_events_id",
            ])
        let accepted = try XCTUnwrap(tests.first { $0.name == "accepted_values_orders_status__a__b" })
        XCTAssertTrue(accepted.uniqueID.hasPrefix("test.shop.accepted_values_orders_status__a__b."))
        XCTAssertEqual(accepted.testMetadata?.name, "accepted_values")
        XCTAssertEqual(accepted.columnName, "status")
        XCTAssertEqual(accepted.attachedNode, "model.shop.orders")
        XCTAssertEqual(accepted.dependsOnNodes, ["model.shop.orders"])
        XCTAssertEqual(accepted.schema, "analytics_dfx_test__audit")
        let sql = try XCTUnwrap(compiled[accepted.uniqueID])
        XCTAssertTrue(sql.contains("where status is not null"), sql)
        XCTAssertTrue(sql.contains("'a', 'b'"), sql)

        let relationship = try XCTUnwrap(tests.first { $0.testMetadata?.name == "relationships" })
        XCTAssertEqual(Set(relationship.dependsOnNodes), ["model.shop.orders", "model.shop.customers"])
        XCTAssertTrue(compiled[relationship.uniqueID]?.contains("\"analytics\".\"customers\"") ?? false)

        let source = try XCTUnwrap(tests.first { $0.name == "source_unique_raw_events_id" })
        XCTAssertEqual(source.dependsOnNodes, ["source.shop.raw.events"])
        XCTAssertTrue(compiled[source.uniqueID]?.contains("\"raw\".\"events\"") ?? false, compiled[source.uniqueID] ?? "")
    }

    func testNamespacedAndLongNamesFollowDbt() throws {
        let harness = try CompilerHarness([
            "macros/tests.sql": "{% test is_positive(model, column_name) %}select 1 from {{ model }} where {{ column_name }} < 0{% endtest %}",
            "models/a_model_with_a_rather_long_name.sql": "select 1 as id",
            "models/schema.yml": """
                models:
                  - name: a_model_with_a_rather_long_name
                    columns:
                      - name: id
                        tests:
                          - shop.is_positive
                          - accepted_values:
                              values: [first_value, second_value]
                sources:
                  - name: raw
                    tables:
                      - name: events
                        columns:
                          - name: id
                            tests: [shop.is_positive]
                """,
        ])
        let (manifest, compiled) = try harness.compile()
        let tests = manifest.nodes.filter { $0.resourceType == .test }
        let names = Set(tests.map(\.name))
        XCTAssertTrue(names.contains("shop_is_positive_a_model_with_a_rather_long_name_id"), "\(names)")
        XCTAssertTrue(names.contains("shop_source_is_positive_raw_events_id"), "\(names)")
        let full = "accepted_values_a_model_with_a_rather_long_name_id__first_value__second_value"
        let long = try XCTUnwrap(tests.first { $0.name == full }, "\(names)")
        let short = "accepted_values_a_model_with_a_" + Digest.md5Hex(full)
        XCTAssertEqual(long.fqn.last, full)
        XCTAssertTrue(long.uniqueID.hasPrefix("test.shop.\(full)."))
        XCTAssertEqual(long.alias, short)
        XCTAssertEqual(long.path, short + ".sql")
        XCTAssertNotNil(compiled[long.uniqueID])
    }

    func testUnknownTestAndMissingArguments() throws {
        let harness = try CompilerHarness([
            "models/orders.sql": "select 1 as id",
            "models/schema.yml": """
                models:
                  - name: orders
                    columns:
                      - name: id
                        tests:
                          - uniqe
                          - accepted_values: {quote: false}
                """,
        ])
        let errors = harness.parseErrors()
        let unknown = try XCTUnwrap(errors.first { $0.message.contains("uniqe") })
        XCTAssertEqual(unknown.location?.file, "models/schema.yml")
        XCTAssertEqual(unknown.location?.line, 6)
        XCTAssertEqual(unknown.hint, "did you mean 'unique'?")
        let missing = try XCTUnwrap(errors.first { $0.message.contains("values") })
        XCTAssertEqual(missing.location?.line, 7)
    }
}
