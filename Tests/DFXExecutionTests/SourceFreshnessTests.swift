import Foundation
import XCTest

/// `dfx source freshness` on both warehouses: pass, warn, error (stale), filter, a table that
/// cannot be measured, target/sources.json and the exit status by the worst result.
final class SourceFreshnessTests: XCTestCase {
    /// `hours` ago in the warehouse's own clock, as SQL.
    func hoursAgo(_ backend: RunProject.Backend, _ hours: Int) -> String {
        backend == .sqlite ? "datetime('now', '-\(hours) hours')" : "now() - interval '\(hours) hours'"
    }

    func makeProject(_ backend: RunProject.Backend) throws -> RunProject {
        let project = try RunProject(backend)
        let timestamp = backend == .sqlite ? "text" : "timestamptz"
        if backend == .postgres { try project.execute("create schema \"\(project.schema)\"") }
        for name in ["fresh_events", "late_events", "stale_events", "filtered_events", "empty_events"] {
            try project.execute("create table {\(name)} (id integer, kind text, loaded_at \(timestamp))")
        }
        try project.execute("insert into {fresh_events} values (1, 'a', \(hoursAgo(backend, 0)))")
        try project.execute("insert into {late_events} values (1, 'a', \(hoursAgo(backend, 2)))")
        try project.execute("insert into {stale_events} values (1, 'a', \(hoursAgo(backend, 30)))")
        // Fresh rows of another kind, which the filter leaves out: what is left is 5 hours old.
        try project.execute("insert into {filtered_events} values (1, 'test', \(hoursAgo(backend, 0))), (2, 'real', \(hoursAgo(backend, 5)))")
        try project.write(
            "models/sources.yml",
            """
            sources:
              - name: raw
                schema: \(project.schema)
                loaded_at_field: loaded_at
                freshness:
                  warn_after: {count: 1, period: hour}
                  error_after: {count: 1, period: day}
                tables:
                  - name: fresh_events
                  - name: late_events
                  - name: stale_events
                  - name: filtered_events
                    freshness:
                      warn_after: {count: 3, period: hour}
                      error_after: {count: 4, period: hour}
                      filter: "kind <> 'test'"
                  - name: empty_events
                  - name: unchecked_events
                    freshness: null

            """)
        return project
    }

    func sources(_ project: RunProject) throws -> [String: [String: Any]] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: project.root + "/target/sources.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        var byName: [String: [String: Any]] = [:]
        for result in results {
            if let id = result["unique_id"] as? String { byName[String(id.split(separator: ".").last ?? "")] = result }
        }
        return byName
    }

    func testStatusesArtifactAndExitCode() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            let result = project.dfx("source", "freshness")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            let found = try sources(project)
            let expected = [
                "fresh_events": "pass", "late_events": "warn", "stale_events": "error", "filtered_events": "error",
                "empty_events": "runtime error",
            ]
            XCTAssertEqual(found.mapValues { $0["status"] as? String ?? "" }, expected, "\(backend): \(result.output)")
            let late = try XCTUnwrap(found["late_events"])
            let age = try XCTUnwrap(late["max_loaded_at_time_ago_in_s"] as? Double)
            XCTAssertEqual(age, 7200, accuracy: 120, "\(backend)")
            let criteria = try XCTUnwrap(late["criteria"] as? [String: Any])
            XCTAssertEqual((criteria["warn_after"] as? [String: Any])?["period"] as? String, "hour")
            XCTAssertTrue((found["empty_events"]?["error"] as? String)?.contains("no rows with a loaded_at to measure") == true, "\(backend)")
            XCTAssertTrue(result.output.contains("WARN freshness of raw.late_events"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("ERROR STALE freshness of raw.stale_events"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("was loaded 1 day 6 hours ago, more than 1 day"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("Done. PASS=1 WARN=1 ERROR=3 SKIP=0 TOTAL=5"), "\(backend): \(result.output)")

            // The worst status decides: warnings alone exit 0.
            let warnOnly = project.dfx("source", "freshness", "--select", "source:raw.fresh_events", "source:raw.late_events")
            XCTAssertEqual(warnOnly.status, 0, "\(backend): \(warnOnly.output)")
            XCTAssertEqual(try sources(project).count, 2, "\(backend)")
            // The filter decides what counts: without the old rows of interest the table passes.
            try project.execute("insert into {filtered_events} values (3, 'real', \(hoursAgo(backend, 0)))")
            let filtered = project.dfx("source", "freshness", "--select", "source:raw.filtered_events", "--output", "out/fresh.json")
            XCTAssertEqual(filtered.status, 0, "\(backend): \(filtered.output)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: project.root + "/out/fresh.json"), "\(backend)")
        }
    }

    func testMalformedCriteriaPointAtTheYAML() throws {
        let project = try RunProject(.sqlite)
        try project.write(
            "models/sources.yml",
            "sources:\n  - name: raw\n    loaded_at_field: loaded_at\n    tables:\n      - name: events\n        freshness: {warn_after: {count: 2, period: fortnight}}\n")
        let result = project.dfx("source", "freshness")
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("models/sources.yml:5:"), result.output)
        XCTAssertTrue(result.output.contains("freshness warn_after of source raw.events needs a positive count and a period"), result.output)
    }
}
