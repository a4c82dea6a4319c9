import DFXTestSupport
import DFXCommands
import DFXPostgres
import DFXSQLite
import Foundation
import XCTest

/// The bundled example (project/ and models/) builds with `dfx seed`, `dfx run` and `dfx snapshot`
/// on both targets and the marts agree: 40 orders whose totals add up to the same amount on SQLite
/// and PostgreSQL, and a customer history with one current row per customer.
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

    func build(in project: String) {
        for command in ["seed", "run", "snapshot"] {
            let (status, output) = dfx([command], in: project)
            XCTAssertEqual(status, 0, output)
            XCTAssertTrue(output.contains("ERROR=0"), output)
        }
    }

    func testBuildsOnSQLite() throws {
        let project = try copyExample(profile: "shop:\n  target: dev\n  outputs:\n    dev: {type: sqlite, database: target/shop.db, schema: analytics}\n")
        build(in: project)
        let connection = try SQLiteConnection(path: project + "/target/shop.db")
        let rows = try connection.query(#"select count(*), round(sum(order_total), 2) from "analytics_marts.fct_orders""#)
        XCTAssertEqual(rows.first?.first ?? nil, "40")
        XCTAssertEqual(rows.first?[1], "9985.83")
        XCTAssertEqual(try connection.query(#"select count(*) from "analytics_marts.dim_customers""#).first?.first ?? nil, "20")
        XCTAssertEqual(
            try connection.query(#"select count(*), count(distinct dbt_scd_id) from "analytics_snapshots.customers_snapshot" where dbt_valid_to is null"#).first,
            ["20", "20"])
    }

    func testBuildsOnPostgres() throws {
        let url = try TestDatabase.postgresURL()
        let schema = TestDatabase.uniqueName("example")
        let project = try copyExample(profile: "shop:\n  target: pg\n  outputs:\n    pg: {type: postgres, url: \"\(url)\", schema: \(schema)}\n")
        build(in: project)
        let connection = try PostgresConnection(parameters: ["dbname": url])
        let rows = try connection.query("select count(*), sum(order_total) from \(schema)_marts.fct_orders")
        XCTAssertEqual(rows.first?.first ?? nil, "40")
        XCTAssertEqual(rows.first?[1], "9985.83")
        XCTAssertEqual(
            try connection.query("select count(*), count(distinct dbt_scd_id) from \(schema)_snapshots.customers_snapshot where dbt_valid_to is null").first,
            ["20", "20"])
        for suffix in ["", "_staging", "_marts", "_raw", "_reference", "_snapshots"] {
            try connection.query("drop schema if exists \(schema)\(suffix) cascade")
        }
    }
}
