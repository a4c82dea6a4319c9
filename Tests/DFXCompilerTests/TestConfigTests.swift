import DFXBasics
import DFXCompiler
import XCTest

/// Test configs checked at parse time (`error_if`, `warn_if`, `severity`, `limit`,
/// `store_failures_as`), each error at the value in the YAML; and the built-in checks' SQL.
final class TestConfigTests: XCTestCase {
    func testConditions() {
        let cases: [(String, String?)] = [
            ("!= 0", "!= 0"), (">10", "> 10"), (" >= 0.5 ", ">= 0.5"), ("==3", "= 3"), ("<>1", "<> 1"), ("< -2", "< -2"),
            ("more than 3", nil), (">", nil), ("> 1; drop table x", nil), ("> 1.", nil), ("10", nil), ("", nil), ("> 1 or 1 = 1", nil),
        ]
        for (text, sql) in cases {
            XCTAssertEqual(TestCondition(text)?.sql, sql, text)
            XCTAssertEqual(TestCondition.problem(text) == nil, sql != nil, text)
        }
        XCTAssertEqual(TestCondition(">10")?.description, ">10", "messages quote the condition as written")
    }

    func testBadConfigsPointAtTheirValues() throws {
        let harness = try CompilerHarness([
            "models/orders.sql": "select 1 as id\n",
            "models/schema.yml": """
                models:
                  - name: orders
                    columns:
                      - name: id
                        data_tests:
                          - unique: {config: {error_if: "lots"}}
                          - not_null: {warn_if: "> x", severity: fatal}
                          - not_null: {name: n3, config: {limit: many, store_failures_as: csv}}
                          - accepted_range: {name: n4}
                          - row_count_drift: {name: n5}

                """,
        ])
        let errors = harness.parseErrors().map(\.headline)
        let expected = [
            "models/schema.yml:6:41: error: bad error_if of test 'unique': 'lots' is not a condition",
            "models/schema.yml:7:33: error: bad warn_if of test 'not_null': '> x' is not a condition",
            "models/schema.yml:7:50: error: severity must be warn or error, not 'fatal'",
            "models/schema.yml:8:50: error: limit must be a whole number of rows",
            "models/schema.yml:8:75: error: store_failures_as must be table, view or ephemeral, not 'csv'",
            "models/schema.yml:9:13: error: test 'accepted_range' needs 'min_value', 'max_value' or both",
            "models/schema.yml:10:13: error: test 'row_count_drift' needs the argument 'max_change_percent'",
        ]
        for line in expected {
            XCTAssertTrue(errors.contains { $0.hasPrefix(line) }, "missing \(line) in\n" + errors.joined(separator: "\n"))
        }
        XCTAssertEqual(errors.count, expected.count, errors.joined(separator: "\n"))
    }

    func testBuiltinChecksCompileBareAndNamespaced() throws {
        let harness = try CompilerHarness([
            "models/orders.sql": "select 1 as id, 2 as customer_id, 3 as amount\n",
            "models/schema.yml": """
                models:
                  - name: orders
                    columns:
                      - name: amount
                        data_tests:
                          - accepted_range: {min_value: 0, max_value: 10, inclusive: false}
                          - dfx.not_null_proportion: {at_least: 0.9}
                    data_tests:
                      - dfx.unique_combination_of_columns: {combination_of_columns: [id, customer_id]}
                      - dbt_utils.expression_is_true: {expression: "amount > 0"}
                      - not_empty
                      - row_count_drift: {max_change_percent: 10}

                """,
        ])
        let (manifest, compiled) = try harness.compile()
        func sql(_ prefix: String) throws -> String {
            let node = try XCTUnwrap(manifest.nodes.first { $0.name.hasPrefix(prefix) }, prefix)
            return squashed(try XCTUnwrap(compiled[node.uniqueID], prefix))
        }
        let orders = #""warehouse"."analytics"."orders""#
        XCTAssertEqual(try sql("accepted_range"), "select * from \(orders) where 1 = 2 or not (amount > 0) or not (amount < 10)")
        XCTAssertEqual(
            try sql("dfx_not_null_proportion"),
            "with validation as ( select sum(case when amount is null then 0 else 1 end) * 1.0 / nullif(count(*), 0) as not_null_proportion "
                + "from \(orders) ) select not_null_proportion from validation where not_null_proportion < 0.9 or not_null_proportion > 1.0")
        XCTAssertEqual(
            try sql("dfx_unique_combination"),
            "select id, customer_id, count(*) as n_records from \(orders) group by id, customer_id having count(*) > 1")
        XCTAssertEqual(try sql("dbt_utils_expression_is_true"), "select * from \(orders) where not (amount > 0)")
        XCTAssertEqual(try sql("not_empty"), "select count(*) as n_records from \(orders) having count(*) = 0")
        XCTAssertEqual(
            try sql("row_count_drift"), "select row_count from (select count(*) as row_count from \(orders)) dfx_counts where 1 = 0",
            "compiled without a run: no earlier count")
    }
}
