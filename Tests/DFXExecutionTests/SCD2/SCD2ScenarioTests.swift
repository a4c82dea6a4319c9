import XCTest

/// The multi-day SCD2 scenarios (`SCD2Scenario.all`) on PostgreSQL and SQLite: after each day
/// the whole history table must be exactly as expected.
final class SCD2ScenarioTests: XCTestCase {
    func testScenariosOnSQLite() throws {
        for scenario in SCD2Scenario.all { try run(scenario, on: .sqlite) }
    }

    func testScenariosOnPostgreSQL() throws {
        for scenario in SCD2Scenario.all { try run(scenario, on: .postgres) }
    }

    func run(_ scenario: SCD2Scenario, on backend: RunProject.Backend) throws {
        let project = try RunProject(backend)
        func prepare(_ text: String) -> String {
            var sql = text.replacingOccurrences(of: "TSTYPE", with: backend == .postgres ? "timestamp" : "text")
            while let start = sql.range(of: "TS("), let end = sql[start.upperBound...].firstIndex(of: ")") {
                let value = String(sql[start.upperBound..<end])
                sql.replaceSubrange(start.lowerBound...end, with: backend == .postgres ? "cast('\(value)' as timestamp)" : "'\(value)'")
            }
            return sql
        }
        for (path, contents) in scenario.files { try project.write(path, contents.replacingOccurrences(of: "{schema}", with: project.schema)) }
        if backend == .postgres { try project.execute("create schema \(project.schema)") }
        for sql in scenario.setup { try project.execute(prepare(sql)) }
        for (number, day) in scenario.days.enumerated() {
            let label = "\(scenario.name), day \(number + 1), \(backend)"
            for sql in day.sql { try project.execute(prepare(sql)) }
            for (path, contents) in day.files { try project.write(path, contents.replacingOccurrences(of: "{schema}", with: project.schema)) }
            let result = project.dfx(day.command + ["--snapshot-time", day.time])
            if let failure = day.failure {
                XCTAssertEqual(result.status, 1, "\(label): \(result.output)")
                XCTAssertTrue(result.output.contains(failure), "\(label): \(result.output)")
            } else {
                XCTAssertEqual(result.status, 0, "\(label): \(result.output)")
            }
            let rows = try project.rows(day.select ?? scenario.select).map { row in row.map { $0 ?? "∅" }.joined(separator: "|") }
            XCTAssertEqual(rows, day.expected, label)
        }
        // Nothing of dfx's own is left behind: no stage or changes table.
        let leftovers = try project.rows(
            backend == .postgres
                ? "select table_name from information_schema.tables where table_schema = '\(project.schema)' and table_name like '%dfx%'"
                : "select name from sqlite_master where name like '%dfx_stage%' or name like '%dfx_changes%'")
        XCTAssertEqual(leftovers, [], "\(scenario.name), \(backend)")
    }
}
