import DFXTestSupport
import DFXCommands
import DFXPostgres
import DFXSQLite
import Foundation
import XCTest

/// The bundled example (project/ and models/) builds with `dfx seed` and `dfx run` on both targets
/// and the marts agree: 40 orders whose totals add up to the same amount on SQLite and PostgreSQL.
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
        for command in ["seed", "run"] {
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
    }

    /// `dfx build` alone: the seeds that load the raw tables run before the staging models that
    /// read them through `source()`, and every data test of the example passes, on both targets
    /// (eight workers on PostgreSQL: every ready node starts at once).
    func testOneBuildLoadsBuildsAndTestsOnBothTargets() throws {
        let url = try TestDatabase.postgresURL()
        let schema = TestDatabase.uniqueName("example_build")
        let profiles = [
            "shop:\n  target: dev\n  outputs:\n    dev: {type: sqlite, database: target/shop.db, schema: analytics}\n",
            "shop:\n  target: pg\n  outputs:\n    pg: {type: postgres, url: \"\(url)\", schema: \(schema), threads: 8}\n",
        ]
        for profile in profiles {
            let project = try copyExample(profile: profile)
            let (status, output) = dfx(["build", "--junit-xml", "target/junit.xml"], in: project)
            XCTAssertEqual(status, 0, output)
            XCTAssertTrue(output.contains("WARN=0 ERROR=0 SKIP=0"), output)
            XCTAssertTrue(output.contains("PASS relationships_stg_orders_customer_id"), output)
            XCTAssertTrue(output.contains("PASS source_unique_raw_orders_order_id"), output)
            let report = try String(contentsOfFile: project + "/target/junit.xml", encoding: .utf8)
            XCTAssertTrue(report.contains("failures=\"0\" errors=\"0\" skipped=\"0\""), report)
        }
        let connection = try PostgresConnection(parameters: ["dbname": url])
        XCTAssertEqual(try connection.query("select count(*) from \(schema)_marts.fct_orders").first?.first ?? nil, "40")
        for suffix in ["", "_staging", "_marts", "_raw", "_reference", "_dfx_test__audit"] {
            try connection.query("drop schema if exists \(schema)\(suffix) cascade")
        }
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
        for suffix in ["", "_staging", "_marts", "_raw", "_reference"] {
            try connection.query("drop schema if exists \(schema)\(suffix) cascade")
        }
    }
}
