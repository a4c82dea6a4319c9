import Foundation
import XCTest

/// `kill -9` of a `dfx snapshot` process in the middle of its transaction (after it closed the
/// changed rows, while it inserts the new versions): PostgreSQL rolls the transaction back, the
/// history is exactly as it was, the lock is free and the next run applies the change once.
final class SCD2KillTests: XCTestCase {
    func testAKilledSnapshotLeavesTheHistoryAsItWasOnPostgreSQL() throws {
        let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/dfx").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            return XCTFail("no dfx executable at \(executable): run swift build --build-tests first")
        }
        let project = try RunProject(.postgres)
        try project.write("models/sources.yml", SCD2Scenario.sources.replacingOccurrences(of: "{schema}", with: project.schema))
        try project.write("snapshots/customers_snapshot.sql", SCD2SafetyTests.snapshot.replacingOccurrences(of: "{schema}", with: project.schema))
        try project.execute("create schema \(project.schema)")
        try project.execute("create table {customers} (id integer, name text, updated_at text)")
        try project.execute("insert into {customers} values (1, 'a', '2024-01-01 08:00:00'), (2, 'b', '2024-01-01 08:00:00')")
        XCTAssertEqual(project.dfx("snapshot", "--snapshot-time", "2024-01-01 12:00:00").status, 0)
        let history = "select id, name, dbt_valid_from, dbt_valid_to, dbt_scd_id from {customers_snapshot} order by id, dbt_valid_from"
        let before = try project.rows(history)

        // Inserting a new version now takes 30 seconds: long enough to kill the process there.
        try project.execute(
            "create function \(project.schema).slow() returns trigger language plpgsql as $$ begin perform pg_sleep(30); return new; end $$")
        try project.execute("create trigger slow before insert on {customers_snapshot} for each row execute function \(project.schema).slow()")
        try project.execute("update {customers} set name = 'a2', updated_at = '2024-01-02 10:00:00' where id = 1")
        try project.execute("delete from {customers} where id = 2")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["snapshot", "--project-dir", project.root, "--profiles-dir", project.root, "--snapshot-time", "2024-01-02 12:00:00"]
        // The server notices the vanished client within 100 ms instead of after the sleep.
        process.environment = ["HOME": project.root, "PGOPTIONS": "-c client_connection_check_interval=100"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let sleeping = "select pid from pg_stat_activity where state = 'active' and query like 'insert into%customers_snapshot%'"
        var backend: String?
        for _ in 0..<300 where backend == nil {
            backend = try project.rows(sleeping).first?.first ?? nil
            if backend == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        guard let backend else {
            process.terminate()
            return XCTFail("the snapshot never reached its insert")
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        var gone = false
        for _ in 0..<100 where !gone {
            gone = try project.rows("select 1 from pg_stat_activity where pid = \(backend)").isEmpty
            if !gone { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertTrue(gone, "the killed run's backend ended")
        XCTAssertEqual(try project.rows(history), before, "the history is exactly as it was")
        XCTAssertEqual(
            try project.rows("select table_name from information_schema.tables where table_schema = '\(project.schema)' and table_name like '%dfx%'"), [])

        try project.execute("drop trigger slow on {customers_snapshot}")
        let next = project.dfx("snapshot", "--snapshot-time", "2024-01-03 12:00:00")
        XCTAssertEqual(next.status, 0, next.output)
        XCTAssertEqual(
            try project.rows("select id, name, dbt_valid_from, dbt_valid_to from {customers_snapshot} order by id, dbt_valid_from").map { $0.map { $0 ?? "∅" } },
            [
                ["1", "a", "2024-01-01 08:00:00", "2024-01-02 10:00:00"], ["1", "a2", "2024-01-02 10:00:00", "∅"],
                ["2", "b", "2024-01-01 08:00:00", "2024-01-03 12:00:00"],
            ])
    }
}
