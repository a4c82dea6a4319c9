import Foundation
import XCTest

/// `dfx build` on both warehouses: seeds, models and tests in one run; a failing test skips what
/// dbt skips (for a test with several parents, only the nodes below all of them); warnings skip
/// nothing. Plus the errors that point at the YAML.
final class BuildRunTests: XCTestCase {
    func makeProject(_ backend: RunProject.Backend, ordersTests: String) throws -> RunProject {
        let project = try RunProject(backend)
        try project.write("seeds/customers.csv", DataTestProject.customers)
        try project.write("seeds/raw_orders.csv", DataTestProject.dirtyOrders)
        try project.write("models/orders.sql", "select * from {{ ref('raw_orders') }}\n")
        try project.write("models/order_summary.sql", "{{ config(materialized='table') }}\nselect count(*) as n from {{ ref('orders') }}\n")
        try project.write(
            "models/customer_orders.sql",
            "select c.name, o.id from {{ ref('orders') }} o join {{ ref('customers') }} c on c.id = o.customer_id\n")
        try project.write("models/customer_names.sql", "select name from {{ ref('customers') }}\n")
        try project.write(
            "seeds/schema.yml",
            """
            seeds:
              - name: raw_orders
                columns:
                  - name: amount
                    data_tests:
                      - not_null: {severity: warn}
              - name: customers
                columns:
                  - name: id
                    data_tests: [unique]

            """)
        try project.write("models/schema.yml", "models:\n  - name: orders\n    columns:\n" + ordersTests)
        return project
    }

    static let relationshipsTest = """
              - name: customer_id
                data_tests:
                  - relationships: {to: ref('customers'), field: id}

        """

    func testFailingRelationshipsTestSkipsOnlyWhatIsBelowAllItsParents() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend, ordersTests: Self.relationshipsTest)
            let result = project.dfx("build")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            let statuses = try project.testResults()
            let expected = [
                "customers": "success", "raw_orders": "success", "not_null_raw_orders_amount": "warn", "unique_customers_id": "pass",
                "orders": "success", "order_summary": "success", "customer_names": "success",
                "relationships_orders_customer_id__id__ref_customers_": "fail", "customer_orders": "skipped",
            ]
            XCTAssertEqual(statuses.mapValues(\.status), expected, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("Done. PASS=6 WARN=1 ERROR=1 SKIP=1 TOTAL=9"), "\(backend): \(result.output)")
            // One worker on SQLite (and here the order is checked on both): each node's tests right
            // after it, the relationships test after both of its parents.
            let lines = result.output.split(separator: "\n").filter { $0.contains(" of 9 ") }.map(String.init)
            func position(_ text: String) throws -> Int { try XCTUnwrap(lines.firstIndex { $0.contains(text) }, "\(text) in \(lines)") }
            let relationships = try position("FAIL 1 relationships")
            XCTAssertLessThan(try position("seed file \(project.schema).customers"), try position("PASS unique_customers_id"), "\(backend)")
            XCTAssertGreaterThan(relationships, try position("seed file \(project.schema).customers"), "\(backend)")
            XCTAssertGreaterThan(relationships, try position("view \(project.schema).orders"), "\(backend)")
            XCTAssertGreaterThan(try position("SKIP view model \(project.schema).customer_orders"), relationships, "\(backend)")
            XCTAssertEqual(try project.count("order_summary"), 1, "\(backend): built despite the failing test")
        }
    }

    func testFailingSingleParentTestSkipsAllItsDescendantsAndWarningsSkipNothing() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend, ordersTests: "      - name: id\n        data_tests: [unique]\n")
            let result = project.dfx("build")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            let statuses = try project.testResults().mapValues(\.status)
            XCTAssertEqual(statuses["unique_orders_id"], "fail", "\(backend)")
            XCTAssertEqual(statuses["order_summary"], "skipped", "\(backend)")
            XCTAssertEqual(statuses["customer_orders"], "skipped", "\(backend)")
            XCTAssertEqual(statuses["customer_names"], "success", "\(backend)")
            // The warning on raw_orders let orders build.
            XCTAssertEqual(statuses["not_null_raw_orders_amount"], "warn", "\(backend)")
            XCTAssertEqual(statuses["orders"], "success", "\(backend)")
            // --fail-fast: a failing test counts as a failure and stops the run.
            let fast = project.dfx("build", "--fail-fast", "--threads", "1")
            XCTAssertEqual(fast.status, 1, "\(backend)")
            XCTAssertTrue(fast.output.contains("FAIL 1 unique_orders_id"), "\(backend): \(fast.output)")
            XCTAssertEqual(try project.testResults()["order_summary"]?.status, "skipped", "\(backend)")
            // With --warn-error the warning fails and orders is skipped.
            let strict = project.dfx("build", "--warn-error")
            XCTAssertEqual(strict.status, 1, "\(backend)")
            let strictStatuses = try project.testResults().mapValues(\.status)
            XCTAssertEqual(strictStatuses["not_null_raw_orders_amount"], "fail", "\(backend)")
            XCTAssertEqual(strictStatuses["orders"], "skipped", "\(backend): \(strict.output)")
            XCTAssertEqual(strictStatuses["unique_orders_id"], "skipped", "\(backend)")
        }
    }

    func testErrorsPointAtTheYAML() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend, ordersTests: "      - name: id\n        data_tests:\n          - uniqe\n")
            let misspelled = project.dfx("build")
            XCTAssertEqual(misspelled.status, 2, "\(backend): \(misspelled.output)")
            XCTAssertTrue(misspelled.output.contains("models/schema.yml:6:13: error: unknown test 'uniqe'"), "\(backend): \(misspelled.output)")
            XCTAssertTrue(misspelled.output.contains("hint: did you mean 'unique'?"), "\(backend): \(misspelled.output)")

            try project.write(
                "models/schema.yml",
                "models:\n  - name: orders\n    columns:\n      - name: id\n        data_tests:\n          - unique: {config: {error_if: \"more than 3\"}}\n")
            let condition = project.dfx("test")
            XCTAssertEqual(condition.status, 2, "\(backend): \(condition.output)")
            XCTAssertTrue(
                condition.output.contains("models/schema.yml:6:41: error: bad error_if of test 'unique': 'more than 3' is not a condition"),
                "\(backend): \(condition.output)")
            XCTAssertTrue(condition.output.contains("^~~~~~~~~~~"), "\(backend): the value is underlined: \(condition.output)")

            try project.write(
                "models/schema.yml",
                "models:\n  - name: orders\n    columns:\n      - name: amout\n        data_tests:\n          - not_null\n")
            XCTAssertEqual(project.dfx("build", "--exclude", "test_type:generic").status, 0, "\(backend)")
            let missing = project.dfx("test")
            XCTAssertEqual(missing.status, 1, "\(backend): \(missing.output)")
            XCTAssertTrue(
                missing.output.contains("models/schema.yml:6:13: error: test not_null_orders_amout: column 'amout' does not exist in"),
                "\(backend): \(missing.output)")
            XCTAssertTrue(missing.output.contains("did you mean 'amount'?"), "\(backend): \(missing.output)")
            XCTAssertEqual(try project.testResults()["not_null_orders_amout"]?.status, "error", "\(backend)")
        }
    }
}

/// A seed that loads the table a source names: the models reading the source wait for it.
final class SeedBehindSourceTests: XCTestCase {
    func testModelsReadingASourceWaitForTheSeedThatLoadsIt() throws {
        for backend in RunProject.Backend.allCases {
            for attempt in 1...3 {
                let project = try RunProject(backend)
                try project.write("seeds/raw_events.csv", "id,kind\n1,a\n2,b\n")
                try project.write(
                    "models/sources.yml",
                    "sources:\n  - name: raw\n    schema: \(project.schema)\n    tables:\n      - name: raw_events\n        data_tests: [not_empty]\n")
                try project.write("models/events.sql", "select * from {{ source('raw', 'raw_events') }}\n")
                // Two workers on PostgreSQL: without the edge the view and the seed start together.
                let result = project.dfx("build", "--threads", "2")
                XCTAssertEqual(result.status, 0, "\(backend) attempt \(attempt): \(result.output)")
                XCTAssertEqual(try project.count("events"), 2, "\(backend)")
                let statuses = try project.testResults().mapValues(\.status)
                XCTAssertEqual(statuses["source_not_empty_raw_raw_events_"], "pass", "\(backend): \(statuses)")
            }
        }
    }
}
