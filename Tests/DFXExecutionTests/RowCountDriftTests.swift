import Foundation
import XCTest

/// `row_count_drift` over several runs on both warehouses: the first run records a baseline in the
/// run audit log, a change beyond `max_change_percent` fails (or warns), and the flagged count
/// becomes the next baseline.
final class RowCountDriftTests: XCTestCase {
    func orders(_ count: Int) -> String {
        "id,amount\n" + (1...count).map { "\($0),\($0 * 10)" }.joined(separator: "\n") + "\n"
    }

    func testDriftOverRuns() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            // Audit tables in a schema of this test's own (PostgreSQL runs share one database).
            let meta = project.schema + "_meta"
            try project.write("dfx_project.yml", "name: proj\nprofile: proj\naudit-log: {schema: \(meta)}\n")
            try project.write("seeds/raw_orders.csv", orders(10))
            try project.write("models/orders.sql", "select * from {{ ref('raw_orders') }}\n")
            try project.write("models/order_table.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('raw_orders') }}\n")
            try project.write(
                "models/schema.yml",
                """
                models:
                  - name: orders
                    data_tests:
                      - row_count_drift: {max_change_percent: 20}
                  - name: order_table
                    data_tests:
                      - dfx.row_count_drift: {max_change_percent: 5, config: {severity: warn}}

                """)
            let first = project.dfx("build")
            XCTAssertEqual(first.status, 0, "\(backend): \(first.output)")
            let drift = "row_count_drift_orders_20"
            let warned = "dfx_row_count_drift_order_table_5"
            XCTAssertEqual(try project.testResults()[drift]?.status, "pass", "\(backend)")
            XCTAssertTrue(
                try String(contentsOfFile: project.root + "/target/run_results.json", encoding: .utf8)
                    .contains("no earlier row count of"), "\(backend): the baseline is said")

            // 12 rows: +20% is within the limit of the view's test, beyond the table's (warn).
            try project.write("seeds/raw_orders.csv", orders(12))
            let second = project.dfx("build")
            XCTAssertEqual(second.status, 0, "\(backend): \(second.output)")
            XCTAssertEqual(try project.testResults()[drift]?.status, "pass", "\(backend): \(second.output)")
            XCTAssertEqual(try project.testResults()[warned]?.status, "warn", "\(backend): \(second.output)")
            XCTAssertTrue(
                second.output.contains("order_table has 12 rows, 20% more than the 10 of its last successful run (allowed: 5%)"),
                "\(backend): \(second.output)")

            // 6 rows: half of 12 is beyond 20%: the build fails, and says so in words.
            try project.write("seeds/raw_orders.csv", orders(6))
            let third = project.dfx("build")
            XCTAssertEqual(third.status, 1, "\(backend): \(third.output)")
            XCTAssertEqual(try project.testResults()[drift]?.status, "fail", "\(backend)")
            XCTAssertTrue(
                third.output.contains("orders has 6 rows, 50% fewer than the 12 of its last successful run (allowed: 20%)"),
                "\(backend): \(third.output)")
            XCTAssertTrue(third.output.contains("row_count | previous_row_count"), "\(backend): the failing row: \(third.output)")

            // Nothing changed since: the flagged count is the baseline now.
            let fourth = project.dfx("test")
            XCTAssertEqual(fourth.status, 0, "\(backend): \(fourth.output)")
            XCTAssertEqual(try project.testResults()[drift]?.status, "pass", "\(backend)")

            // Without the audit log the test cannot run, and says why.
            let off = project.dfx("test", "--no-audit-log", "--select", "orders")
            XCTAssertEqual(off.status, 1, "\(backend): \(off.output)")
            XCTAssertTrue(off.output.contains("row_count_drift compares with earlier runs in the run audit log, which is off"), "\(backend)")
        }
    }
}
