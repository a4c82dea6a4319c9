import Foundation
import XCTest

/// `dfx test` on both warehouses: every test kind with passing and failing data, failure counts,
/// the CLI's explanation of a failure, severities and thresholds, store_failures, indirect selection.
final class DataTestRunTests: XCTestCase {
    func makeProject(_ backend: RunProject.Backend, orders: String = DataTestProject.cleanOrders) throws -> RunProject {
        let project = try RunProject(backend)
        try DataTestProject.write(to: project, orders: orders)
        return project
    }

    func testEveryKindPassesOnCleanDataAndFailsOnDirtyData() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            let built = project.dfx("build")
            XCTAssertEqual(built.status, 0, "\(backend): \(built.output)")
            let clean = try project.testResults()
            for name in DataTestProject.dirtyFailures.keys {
                XCTAssertEqual(clean[name]?.status, "pass", "\(backend) \(name): \(built.output)")
                XCTAssertEqual(clean[name]?.failures, 0, "\(backend) \(name)")
            }
            XCTAssertTrue(built.output.contains("Done. PASS=16 WARN=0 ERROR=0 SKIP=0 TOTAL=16"), "\(backend): \(built.output)")

            try project.write("seeds/raw_orders.csv", DataTestProject.dirtyOrders)
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            let tested = project.dfx("test")
            XCTAssertEqual(tested.status, 1, "\(backend): \(tested.output)")
            let dirty = try project.testResults()
            XCTAssertEqual(dirty.count, DataTestProject.dirtyFailures.count, "\(backend): only tests run: \(dirty.keys.sorted())")
            for (name, failures) in DataTestProject.dirtyFailures {
                XCTAssertEqual(dirty[name]?.status, failures == 0 ? "pass" : "fail", "\(backend) \(name): \(tested.output)")
                XCTAssertEqual(dirty[name]?.failures, failures, "\(backend) \(name)")
            }
            // What failed, in words, then the first failing rows.
            for sentence in [
                "1 value of orders.id appears more than once (Got 1 result, configured to fail if != 0)",
                "1 row of orders.customer_id has no match in customers.id",
                "1 distinct value of orders.status is not among the accepted values (placed, shipped)",
                "2 rows of orders.amount are outside the accepted range (>= 0 and <= 50)",
                "1 combination of (id, customer_id) in orders appears more than once",
                "1 row of orders does not satisfy amount >= 0",
                "big_orders has no rows",
                "singular test no_big_orders returned 1 failing row",
                "FAIL 2 accepted_range_orders_amount__50__0",
            ] {
                XCTAssertTrue(tested.output.contains(sentence), "\(backend): missing '\(sentence)' in \(tested.output)")
            }
            XCTAssertTrue(
                tested.output.contains("unique_field | n_records\n    -------------+----------\n    1            | 2"),
                "\(backend): sample rows: \(tested.output)")
            XCTAssertTrue(tested.output.contains("Done. PASS=2 WARN=0 ERROR=10 SKIP=0 TOTAL=12"), "\(backend): \(tested.output)")
            // The audit schema is created only by tests that store failures.
            XCTAssertEqual(try project.rows(schemaCount(backend, project.auditSchema)), [["0"]], "\(backend)")
        }
    }

    func schemaCount(_ backend: RunProject.Backend, _ schema: String) -> String {
        backend == .sqlite
            ? "select count(*) from sqlite_master where name like '\(schema).%'"
            : "select count(*) from pg_namespace where nspname = '\(schema)'"
    }

    func testSeveritiesThresholdsLimitAndWhere() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/raw_orders.csv", DataTestProject.dirtyOrders)
            // Tests on a seed, each with its own name.
            try project.write(
                "seeds/schema.yml",
                """
                seeds:
                  - name: raw_orders
                    columns:
                      - name: amount
                        data_tests:
                          - not_null: {name: warn_only, config: {severity: warn}}
                          - not_null: {name: below_error_threshold, error_if: ">5"}
                          - not_null: {name: below_both_thresholds, config: {error_if: ">5", warn_if: ">5"}}
                          - accepted_range: {name: limited, min_value: 0, max_value: 50, config: {limit: 1}}
                          - accepted_range: {name: filtered, min_value: 0, max_value: 50, config: {where: "id <> 3"}}
                          - accepted_range: {name: warn_ignores_error_if, min_value: 0, max_value: 50, severity: warn, error_if: ">0", warn_if: ">5"}
                          - not_null: {name: switched_off, config: {enabled: false}}
                          - accepted_range: {name: tagged, min_value: 0, config: {tags: [critical], severity: warn}}
                      - name: id
                        data_tests:
                          - accepted_values: {name: ids_known, values: [1, 3, 4, 5], quote: false}
                          - accepted_values: {name: ids_unknown, values: [1, 3], quote: false}
                    data_tests:
                      - unique_combination_of_columns: {name: typo_warned, combination_of_columns: [id, amout], severity: warn}

                """)
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            let result = project.dfx("test")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            let found = try project.testResults()
            let expected: [String: (String, Int)] = [
                "warn_only": ("warn", 1), "below_error_threshold": ("warn", 1), "below_both_thresholds": ("pass", 0),
                "limited": ("fail", 1), "filtered": ("fail", 1), "warn_ignores_error_if": ("pass", 0), "tagged": ("warn", 1),
                "ids_known": ("pass", 0), "ids_unknown": ("fail", 2),
            ]
            XCTAssertNil(found["switched_off"], "\(backend): enabled: false")
            XCTAssertEqual(found["typo_warned"]?.status, "error", "\(backend): the column does not exist")
            // A column the properties do not declare is a warning at parse time, with a suggestion.
            XCTAssertTrue(
                result.output.contains("seeds/schema.yml:19:84: warning: test 'unique_combination_of_columns' names column 'amout', which raw_orders's properties do not declare"),
                "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("hint: did you mean 'amount'?"), "\(backend): \(result.output)")
            XCTAssertFalse(result.output.contains("names column 'id'"), "\(backend): \(result.output)")
            let tagged = project.dfx("test", "--select", "tag:critical")
            XCTAssertEqual(tagged.status, 0, "\(backend): \(tagged.output)")
            XCTAssertEqual(Array(try project.testResults().keys), ["tagged"], "\(backend)")
            for (name, (status, failures)) in expected {
                XCTAssertEqual(found[name]?.status, status, "\(backend) \(name): \(result.output)")
                XCTAssertEqual(found[name]?.failures, failures, "\(backend) \(name)")
            }
            XCTAssertTrue(result.output.contains("configured to warn if != 0"), "\(backend): \(result.output)")

            // Warnings alone exit 0; --warn-error makes them fail.
            let warnings = project.dfx("test", "--select", "test_name:not_null")
            XCTAssertEqual(warnings.status, 0, "\(backend): \(warnings.output)")
            XCTAssertTrue(warnings.output.contains("Done. PASS=1 WARN=2 ERROR=0 SKIP=0 TOTAL=3"), "\(backend): \(warnings.output)")
            let strict = project.dfx("test", "--select", "test_name:not_null", "--warn-error")
            XCTAssertEqual(strict.status, 1, "\(backend): \(strict.output)")
            XCTAssertEqual(try project.testResults()["warn_only"]?.status, "fail", "\(backend)")
            XCTAssertTrue(strict.output.contains("configured to fail if != 0"), "\(backend): \(strict.output)")
        }
    }

    func testStoreFailuresAsTableAndView() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/raw_orders.csv", DataTestProject.dirtyOrders)
            try project.write(
                "seeds/schema.yml",
                """
                seeds:
                  - name: raw_orders
                    columns:
                      - name: amount
                        data_tests:
                          - accepted_range: {name: range_table, min_value: 0, max_value: 50, config: {store_failures: true}}
                          - accepted_range: {name: range_view, min_value: 0, max_value: 50, config: {store_failures_as: view}}
                          - not_null: {name: not_stored, config: {store_failures_as: ephemeral, store_failures: true}}

                """)
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            for attempt in 1...2 {
                let result = project.dfx("test")
                XCTAssertEqual(result.status, 1, "\(backend) \(attempt): \(result.output)")
                XCTAssertTrue(result.output.contains("failing rows stored in"), "\(backend): \(result.output)")
                for name in ["range_table", "range_view"] {
                    let rows = try project.rows("select amount from \(project.relation(name, schema: project.auditSchema)) order by amount")
                    XCTAssertEqual(rows, [["-5"], ["100"]], "\(backend) \(name) run \(attempt)")
                }
            }
            let kinds = try project.rows(
                backend == .sqlite
                    ? "select type, name from sqlite_master where name like '\(project.auditSchema).%' order by name"
                    : "select case c.relkind when 'v' then 'view' else 'table' end, c.relname from pg_class c "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = '\(project.auditSchema)' order by c.relname")
            let prefix = backend == .sqlite ? project.auditSchema + "." : ""
            XCTAssertEqual(kinds, [["table", prefix + "range_table"], ["view", prefix + "range_view"]], "\(backend): nothing else, no leftovers")
            // The stored failures are the test's source of truth: emptying them (not the data) would pass.
            let results = try project.testResults()
            XCTAssertEqual(results["range_table"]?.failures, 2, "\(backend)")
            XCTAssertEqual(results["not_stored"]?.failures, 1, "\(backend)")
        }
    }

    func testIndirectSelection() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            XCTAssertEqual(project.dfx("build").status, 0, "\(backend)")
            let relationships = "relationships_orders_customer_id__id__ref_customers_"
            // eager: a test rides along when any of its parents is selected.
            XCTAssertEqual(project.dfx("test", "--select", "customers").status, 0, "\(backend)")
            XCTAssertEqual(Set(try project.testResults().keys), [relationships], "\(backend)")
            // cautious: only when all of its parents are.
            XCTAssertEqual(project.dfx("test", "--select", "customers", "--indirect-selection", "cautious").status, 0, "\(backend)")
            XCTAssertEqual(Set(try project.testResults().keys), [], "\(backend)")
            XCTAssertEqual(project.dfx("test", "--select", "customers", "orders", "--indirect-selection", "cautious").status, 0)
            XCTAssertTrue(try project.testResults().keys.contains(relationships), "\(backend)")
            // Selecting big_orders selects its test only; a singular test is selected by name.
            XCTAssertEqual(project.dfx("test", "--select", "big_orders", "no_big_orders").status, 0, "\(backend)")
            XCTAssertEqual(Set(try project.testResults().keys), ["not_empty_big_orders_", "no_big_orders"], "\(backend)")
            // empty: tests are not selected through their models.
            XCTAssertEqual(project.dfx("test", "--select", "orders", "--indirect-selection", "empty").status, 0, "\(backend)")
            XCTAssertEqual(Set(try project.testResults().keys), [], "\(backend)")
        }
    }
}
