import DFXCommands
import Foundation
import XCTest

/// dbt's selection syntax through `dfx ls` on the `jaffle` fixture. Lists are compared as sets:
/// the order of `ls` output is not part of these assertions.
final class ListSelectionTests: XCTestCase {
    static let stagingTests: Set<String> = [
        "accepted_values_stg_orders_status__placed__shipped", "not_null_stg_orders_order_id", "unique_stg_orders_order_id",
    ]

    func names(_ project: FixtureProject, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> Set<String> {
        let result = project.run(["ls", "--output", "name"] + arguments)
        XCTAssertEqual(result.status, 0, "dfx ls \(arguments): \(result.stderr)", file: file, line: line)
        return Set(result.lines)
    }

    func testSelectionMethodsTable() throws {
        let project = try FixtureProject("jaffle")
        let cases: [(arguments: [String], expected: Set<String>)] = [
            (["-s", "orders+", "--resource-type", "model"], ["orders", "customers"]),
            (["-s", "+orders", "--resource-type", "model"], ["stg_orders", "stg_payments", "int_order_payments", "orders"]),
            (["-s", "+orders", "--resource-type", "source"], ["shop.orders", "shop.payments"]),
            (["-s", "1+customers", "--resource-type", "model"], ["stg_customers", "orders", "customers"]),
            (["-s", "@stg_customers", "--resource-type", "model", "seed"], ["raw_customers", "stg_customers", "customers", "orders", "stg_orders", "stg_payments", "int_order_payments"]),
            (["-s", "tag:marts", "--resource-type", "model"], ["orders", "customers"]),
            (["-s", "tag:finance"], ["orders", "assert_orders_have_customers"]),
            (["-s", "path:models/marts", "--resource-type", "model"], ["orders", "customers"]),
            (["-s", "path:models/staging/stg_orders.sql", "--resource-type", "model"], ["stg_orders"]),
            (["-s", "config.materialized:ephemeral"], ["int_order_payments"]),
            (["-s", "config.materialized:table", "--resource-type", "model"], ["orders", "customers"]),
            (["-s", "resource_type:seed"], ["raw_customers"]),
            (["-s", "resource_type:snapshot"], ["orders_snapshot"]),
            (["-s", "resource_type:analysis"], ["order_counts"]),
            (["--resource-type", "source"], ["shop.orders", "shop.payments"]),
            (["-s", "source:shop.orders+", "--resource-type", "model"], ["stg_orders", "orders", "customers"]),
            (["-s", "source:shop", "--resource-type", "source"], ["shop.orders", "shop.payments"]),
            (["-s", "test_type:singular"], ["assert_orders_have_customers"]),
            (
                ["-s", "test_type:generic"],
                Self.stagingTests.union([
                    "relationships_stg_orders_customer_id__customer_id__ref_stg_customers_", "is_positive_stg_payments_amount",
                    "source_unique_shop_orders_id", "source_not_null_shop_orders_id",
                ])
            ),
            // Space is a union, comma an intersection.
            (["-s", "stg_orders", "stg_customers", "--resource-type", "model"], ["stg_orders", "stg_customers"]),
            (["-s", "tag:staging,config.materialized:view", "--resource-type", "model"], ["stg_orders", "stg_customers", "stg_payments"]),
            (["-s", "+customers,tag:staging", "--resource-type", "model"], ["stg_orders", "stg_customers", "stg_payments"]),
            (["-s", "tag:staging", "--exclude", "stg_payments", "stg_orders", "--resource-type", "model"], ["stg_customers"]),
            // fqn wildcards match from the package or from the first folder, as dbt's fnmatch does.
            (["-s", "staging.stg_*", "--resource-type", "model"], ["stg_orders", "stg_customers", "stg_payments"]),
            (["-s", "jaffle.staging.stg_*", "--resource-type", "model"], ["stg_orders", "stg_customers", "stg_payments"]),
            (["-s", "*_payments", "--resource-type", "model"], ["stg_payments", "int_order_payments"]),
            (["-s", "marts.*", "--resource-type", "model"], ["orders", "customers"]),
        ]
        for (arguments, expected) in cases {
            XCTAssertEqual(names(project, arguments), expected, "dfx ls \(arguments.joined(separator: " "))")
        }
    }

    func testEagerIndirectSelectionBringsAttachedTests() throws {
        let project = try FixtureProject("jaffle")
        let selected = names(project, ["-s", "stg_orders"])
        XCTAssertTrue(Self.stagingTests.isSubset(of: selected), "\(selected)")
        let cautious = names(project, ["-s", "stg_orders", "--indirect-selection", "cautious"])
        XCTAssertFalse(cautious.contains { $0.hasPrefix("relationships_") }, "relationships also depends on stg_customers: \(cautious)")
        XCTAssertTrue(Self.stagingTests.isSubset(of: cautious))
        XCTAssertEqual(names(project, ["-s", "stg_orders", "--indirect-selection", "empty"]), ["stg_orders"])
    }

    func testNamedSelectors() throws {
        let project = try FixtureProject("jaffle")
        XCTAssertEqual(names(project, ["--selector", "marts_only", "--resource-type", "model"]), ["orders", "customers"])
        let staging = names(project, ["--selector", "staging_without_payments", "--resource-type", "model"])
        XCTAssertEqual(staging, ["stg_orders", "stg_customers"])
        let unknown = project.run(["ls", "--selector", "mart_only"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("marts_only"), "suggests the near name: \(unknown.stderr)")
    }

    func testDefaultSelectorAppliesWithoutSelect() throws {
        let project = try FixtureProject("jaffle")
        try project.write(
            "selectors.yml",
            "selectors:\n  - name: nightly\n    default: true\n    definition: 'tag:marts'\n  - name: all_staging\n    definition: 'path:models/staging'\n")
        XCTAssertEqual(names(project, ["--resource-type", "model"]), ["orders", "customers"])
        XCTAssertEqual(names(project, ["-s", "stg_orders", "--resource-type", "model"]), ["stg_orders"], "--select wins over the default")
        XCTAssertEqual(
            names(project, ["--selector", "all_staging", "--exclude", "stg_payments", "--resource-type", "model"]), ["stg_orders", "stg_customers"])
    }

    func testOutputFormats() throws {
        let project = try FixtureProject("jaffle")
        let selector = project.run(["ls", "-s", "orders", "stg_orders", "source:shop", "--resource-type", "model", "source"])
        XCTAssertEqual(selector.status, 0, selector.stderr)
        XCTAssertEqual(
            Set(selector.lines), ["jaffle.marts.orders", "jaffle.staging.stg_orders", "source:jaffle.staging.shop.orders", "source:jaffle.staging.shop.payments"])

        let paths = project.run(["ls", "-s", "tag:marts", "--output", "path", "--resource-type", "model"])
        XCTAssertEqual(Set(paths.lines), ["models/marts/orders.sql", "models/marts/customers.sql"])

        let json = project.run(["ls", "-s", "orders", "--output", "json", "--resource-type", "model"])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertEqual(json.lines.count, 1)
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(json.lines.first).utf8)) as? [String: Any])
        XCTAssertEqual(object["unique_id"] as? String, "model.jaffle.orders")
        XCTAssertEqual(object["resource_type"] as? String, "model")
        XCTAssertEqual((object["config"] as? [String: Any])?["materialized"] as? String, "table")
        XCTAssertEqual(Set(object["tags"] as? [String] ?? []), ["marts", "finance"])

        let keys = project.run(["ls", "-s", "orders", "--output", "json", "--output-keys", "name", "resource_type", "--resource-type", "model"])
        let narrowed = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(keys.lines.first).utf8)) as? [String: Any])
        XCTAssertEqual(Set(narrowed.keys), ["name", "resource_type"])
    }

    func testListIsInUniqueIDOrderAsInDbt() throws {
        let project = try FixtureProject("jaffle")
        let result = project.run(["ls", "--output", "json", "--output-keys", "unique_id"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let ids = try result.lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try XCTUnwrap(object?["unique_id"] as? String)
        }
        XCTAssertEqual(ids.count, 19)
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(ids.first, "analysis.jaffle.order_counts")
    }

    func testUnknownResourceTypeIsAUsageError() throws {
        let project = try FixtureProject("jaffle")
        let result = project.run(["ls", "--resource-type", "modle"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("model"), result.stderr)
    }
}
