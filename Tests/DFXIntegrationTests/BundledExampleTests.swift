import DFXTestSupport
import DFXCommands
import DFXPostgres
import DFXSQL
import DFXSQLite
import Foundation
import XCTest

/// The bundled example (project/ and models/) on both targets: the generator fills the raw schema
/// at scale 0.01, `dfx build` builds every model and passes every test, the sources are fresh, two
/// simulated days (each followed by a build) later the
/// incremental fact has merged exactly the raw orders, the customer snapshot holds one current row
/// per customer plus the versions the days made, and the marts agree with the raw tables on counts
/// computed here independently.
final class BundledExampleTests: XCTestCase {
    /// A copy of project/ and models/ in a temporary folder, with its own profiles.yml.
    func copyExample(profile: String) throws -> String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["project", "models"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let project = root.appendingPathComponent("project").path
        try? FileManager.default.removeItem(atPath: project + "/target")
        try profile.write(toFile: project + "/profiles.yml", atomically: true, encoding: .utf8)
        return project
    }

    func dfx(_ arguments: [String], in directory: String) -> (Int32, String) {
        let out = OutputBuffer()
        let console = Console(useColor: false, writeOut: { out.append($0) }, writeErr: { out.append($0) })
        let status = DFXCLI.run(arguments, context: CommandContext(console: console, environment: ["HOME": directory], workingDirectory: directory))
        return (status, out.text)
    }

    func succeed(_ arguments: [String], in project: String, file: StaticString = #filePath, line: UInt = #line) {
        let (status, output) = dfx(arguments, in: project)
        XCTAssertEqual(status, 0, "dfx \(arguments.joined(separator: " ")):\n\(output)", file: file, line: line)
        XCTAssertTrue(!output.contains("ERROR=") || output.contains("ERROR=0 "), output, file: file, line: line)
    }

    /// One scalar as text.
    func value(_ connection: any WarehouseConnection, _ sql: String) throws -> String? {
        try connection.fetch(sql).textRows.first?.first ?? nil
    }

    /// `dfx build` with a JUnit report: every node and test passes.
    @discardableResult
    func build(_ project: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (status, output) = dfx(["build", "--junit-xml", "target/junit.xml"], in: project)
        XCTAssertEqual(status, 0, output, file: file, line: line)
        XCTAssertTrue(output.contains("WARN=0 ERROR=0 SKIP=0"), output, file: file, line: line)
        let report = try String(contentsOfFile: project + "/target/junit.xml", encoding: .utf8)
        XCTAssertTrue(report.contains("failures=\"0\" errors=\"0\" skipped=\"0\""), report, file: file, line: line)
        return output
    }

    /// The scenario on one target: `name(x)` renders the relation `x` of layer `raw`/`marts`/...
    func exercise(project: String, connection: any WarehouseConnection, name: (String, String) -> String) throws {
        // Today (UTC) as the generator's as-of date, so that the sources are fresh.
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date())
        succeed(["run-operation", "generate_raw", "--args", "{scale: 0.01, as_of: '\(today)'}"], in: project)
        let first = try build(project)
        XCTAssertTrue(first.contains("PASS source_unique_raw_orders_order_id"), first)
        let (fresh, freshness) = dfx(["source", "freshness"], in: project)
        XCTAssertEqual(fresh, 0, freshness)
        XCTAssertTrue(freshness.contains("Done. PASS=6 WARN=0 ERROR=0"), freshness)
        XCTAssertEqual(try value(connection, "select count(*) from \(name("raw", "orders"))"), "5000")
        XCTAssertEqual(try value(connection, "select count(*) from \(name("raw", "order_items"))"), try value(connection, "select count(*) from \(name("marts", "fct_order_items"))"))
        // Staging removed the export's duplicate customers.
        XCTAssertEqual(try value(connection, "select count(distinct customer_id) from \(name("raw", "customers"))"), "1000")
        XCTAssertEqual(try value(connection, "select count(*) from \(name("marts", "dim_customers"))"), "1000")
        for day in 1...2 {
            succeed(["run-operation", "simulate_day"], in: project)
            try build(project)
            XCTAssertEqual(try value(connection, "select last_day from \(name("raw", "generator_state"))"), "\(day)")
        }
        // The incremental fact holds every raw order with its current status and total.
        XCTAssertEqual(try value(connection, "select count(*) from \(name("marts", "fct_orders"))"), "5100")
        XCTAssertEqual(
            try value(
                connection,
                "select count(*) from \(name("raw", "orders")) as o join \(name("marts", "fct_orders")) as f on f.order_id = o.order_id "
                    + "where lower(o.order_status) = f.status and abs(o.total_amount - f.total_amount) < 0.005"),
            "5100")
        XCTAssertEqual(
            try value(connection, "select count(*) from \(name("raw", "orders")) where order_status = 'Pending' and order_id > 5000"),
            try value(connection, "select count(*) from \(name("marts", "fct_orders")) where status = 'pending' and order_id > 5000"))
        // The snapshot: one current version per customer still in the source, one per dbt_scd_id,
        // and a closed version for every customer whose tier or city changed or who was deleted.
        let snapshot = name("snapshots", "customers_snapshot")
        XCTAssertEqual(
            try value(connection, "select count(*) from \(snapshot) where dbt_valid_to is null"),
            try value(connection, "select count(distinct customer_id) from \(name("raw", "customers"))"))
        XCTAssertEqual(
            try value(connection, "select count(distinct dbt_scd_id) from \(snapshot)"), try value(connection, "select count(*) from \(snapshot)"))
        // Customers with more than one version are exactly those the simulated days changed.
        XCTAssertEqual(
            try value(
                connection,
                "select count(*) from (select customer_id from \(snapshot) group by customer_id having count(*) > 1) as v "
                    + "where customer_id in (select customer_id from \(name("raw", "customers")))"),
            try value(connection, "select count(distinct customer_id) from \(name("raw", "customers")) where updated_at > '\(today)'"))
        let closed = Int(try value(connection, "select count(*) from \(snapshot) where dbt_valid_to is not null") ?? "") ?? 0
        XCTAssertGreaterThan(closed, 0, "two days of tier and city changes closed no version")
        // The scd2 dimension agrees with the snapshot on current customers and on who changed, and
        // every order line found its point-in-time dimension versions.
        let dimension = name("marts", "dim_customers")
        XCTAssertEqual(
            try value(connection, "select count(*) from \(dimension) where valid_to is null"),
            try value(connection, "select count(*) from \(snapshot) where dbt_valid_to is null"))
        XCTAssertEqual(
            try value(connection, "select count(*) from (select customer_id from \(dimension) group by customer_id having count(*) > 1) as v"),
            try value(connection, "select count(*) from (select customer_id from \(snapshot) group by customer_id having count(*) > 1) as v"))
        XCTAssertEqual(
            try value(connection, "select count(*) from \(name("marts", "customer_summary"))"),
            try value(connection, "select count(distinct customer_id) from \(name("raw", "customers"))"))
        XCTAssertEqual(
            try value(connection, "select count(loyalty_tier_at_order) + count(list_price_at_order) from \(name("marts", "fct_order_items"))"),
            try value(connection, "select 2 * count(*) from \(name("raw", "order_items"))"))
        // Daily revenue adds up to the kept orders' revenue.
        XCTAssertEqual(
            try value(connection, "select round(sum(revenue), 2) from \(name("marts", "fct_daily_sales"))"),
            try value(connection, "select round(sum(total_amount), 2) from \(name("raw", "orders")) where order_status <> 'Cancelled'"))
        // The singular test compiles and returns no failing rows.
        succeed(["compile"], in: project)
        let singular = try String(contentsOfFile: project + "/target/compiled/shop/tests/assert_order_totals_reconcile.sql", encoding: .utf8)
        XCTAssertEqual(try connection.fetch(singular).rows.count, 0)
        // Bad data fails the build the way CI would see it: the failing tests, their descendants skipped.
        succeed(["run-operation", "inject_bad_data"], in: project)
        let (status, output) = dfx(["build"], in: project)
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("FAIL 1 unique_stg_order_items_order_item_id"), output)
        XCTAssertTrue(output.contains("FAIL 1 accepted_values_stg_orders_status"), output)
        XCTAssertTrue(output.contains("SKIP incremental model"), output)
    }

    func testBuildsOnSQLite() throws {
        let project = try copyExample(profile: "shop:\n  target: dev\n  outputs:\n    dev: {type: sqlite, database: target/shop.db, schema: analytics}\n")
        let connection = try SQLiteConnection(path: project + "/target/shop.db")
        try exercise(project: project, connection: connection) { layer, table in "\"analytics_\(layer).\(table)\"" }
    }

    func testBuildsOnPostgres() throws {
        let url = try TestDatabase.postgresURL()
        let schema = TestDatabase.uniqueName("example")
        let project = try copyExample(profile: "shop:\n  target: pg\n  outputs:\n    pg: {type: postgres, url: \"\(url)\", schema: \(schema), threads: 4}\n")
        let connection = try PostgresConnection(parameters: ["dbname": url])
        try exercise(project: project, connection: connection) { layer, table in "\(schema)_\(layer).\(table)" }
        for suffix in ["", "_staging", "_marts", "_raw", "_reference", "_snapshots", "_dfx_test__audit"] {
            try connection.execute("drop schema if exists \(schema)\(suffix) cascade")
        }
    }
}
