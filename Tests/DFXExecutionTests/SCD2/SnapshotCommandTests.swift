import DFXExecution
import DFXPostgres
import DFXSQL
import DFXTestSupport
import Foundation
import XCTest

/// `dfx snapshot` as a command: selection, progress lines, run_results.json, argument errors; and the
/// execution time's time zone.
final class SnapshotCommandTests: XCTestCase {
    func testSelectionProgressAndRunResults() throws {
        let project = try RunProject(.sqlite)
        try project.write("models/sources.yml", SCD2Scenario.sources.replacingOccurrences(of: "{schema}", with: project.schema))
        for name in ["first_snapshot", "second_snapshot"] {
            try project.write(
                "snapshots/\(name).sql",
                """
                {% snapshot \(name) %}
                {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='\(project.schema)') }}
                select * from {{ source('raw', 'customers') }}
                {% endsnapshot %}
                """)
        }
        try project.execute("create table {customers} (id integer, name text, updated_at text)")
        try project.execute("insert into {customers} values (1, 'a', '2024-01-01 08:00:00')")

        let selected = project.dfx("snapshot", "-s", "second_snapshot", "--snapshot-time", "2024-01-01 12:00:00")
        XCTAssertEqual(selected.status, 0, selected.output)
        XCTAssertTrue(selected.output.contains("1 of 1 OK created snapshot main.second_snapshot (1 rows)"), selected.output)
        XCTAssertTrue(selected.output.contains("Done. PASS=1 ERROR=0 SKIP=0 TOTAL=1"), selected.output)
        XCTAssertEqual(try project.statuses(), ["snapshot.proj.second_snapshot": "success"])
        XCTAssertThrowsError(try project.rows("select count(*) from {first_snapshot}"), "an unselected snapshot is not built")

        try project.execute("update {customers} set name = 'b'")
        let both = project.dfx("snapshot", "--snapshot-time", "2024-01-02 12:00:00")
        XCTAssertEqual(both.status, 0, both.output)
        XCTAssertTrue(both.output.contains("OK updated snapshot main.second_snapshot (1 inserted, 1 closed)"), both.output)
        XCTAssertTrue(both.output.contains("OK created snapshot main.first_snapshot (1 rows)"), both.output)
        XCTAssertEqual(try project.statuses(), ["snapshot.proj.first_snapshot": "success", "snapshot.proj.second_snapshot": "success"])
        XCTAssertEqual(
            try project.rows("select name, dbt_valid_from, dbt_valid_to from {second_snapshot} order by dbt_valid_from"),
            [["a", "2024-01-01 12:00:00", "2024-01-02 12:00:00"], ["b", "2024-01-02 12:00:00", nil]])

        let bad = project.dfx("snapshot", "--snapshot-time", "tomorrow")
        XCTAssertEqual(bad.status, 2, bad.output)
        XCTAssertTrue(bad.output.contains("--snapshot-time must look like 2026-01-31 12:00:00 (UTC)"), bad.output)
    }

    /// The execution time is UTC whatever the session's time zone: a timestamptz history gets the
    /// literal with `+00`, so a session in New York stores 12:00 UTC, not 12:00 New York time.
    func testTheExecutionTimeIsUTCInAnySessionTimeZone() throws {
        let url = try TestDatabase.postgresURL()
        let connection = try PostgresConnection(parameters: ["dbname": url])
        let schema = TestDatabase.uniqueName("dfx_scd2_tz")
        try connection.execute("create schema " + schema)
        defer { _ = try? connection.execute("drop schema " + schema + " cascade") }
        try connection.execute("set timezone = 'America/New_York'")
        try connection.execute("create table \(schema).customers as select 1 as id, timestamptz '2024-01-01 08:00:00+00' as updated_at")
        let target = RelationName(schema: schema, name: "history")
        func spec(_ time: String) -> SCD2Spec {
            SCD2Spec(target: target, uniqueKey: ["id"], strategy: .timestamp(updatedAt: "updated_at"), hardDeletes: .invalidate, executionTime: time)
        }
        let materializer = Materializer(connection: connection, suffix: "tz", managedRelations: [])
        try materializer.applySCD2(spec("2024-01-01 12:00:00"), select: "select * from \(schema).customers")
        try connection.execute("delete from \(schema).customers")
        try materializer.applySCD2(spec("2024-01-02 12:00:00"), select: "select * from \(schema).customers")
        try connection.execute("set timezone = 'UTC'")
        XCTAssertEqual(
            try connection.fetch("select dbt_valid_from::text, dbt_valid_to::text from \(target.rendered(.postgres))").textRows,
            [["2024-01-01 08:00:00+00", "2024-01-02 12:00:00+00"]])
    }
}
