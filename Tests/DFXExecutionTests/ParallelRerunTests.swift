import XCTest

/// Re-runs at several threads where views read several relations that are rebuilt in parallel:
/// each such view is a dependent of all of them, and every swap drops and recreates it.
final class ParallelRerunTests: XCTestCase {
    func testSharedDependentViewsSurviveParallelRebuilds() throws {
        let project = try RunProject(.postgres)
        let parents = (0..<8).map { "p\($0)" }
        for (index, name) in parents.enumerated() {
            let materialized = index % 2 == 0 ? "view" : "table"
            try project.write("models/\(name).sql", "{{ config(materialized='\(materialized)') }}\nselect \(index) as x\n")
        }
        let union = parents.map { "select x from {{ ref('\($0)') }}" }.joined(separator: "\nunion all\n")
        for index in 0..<4 {
            try project.write("models/d\(index).sql", "select x + \(index) as x from (\n\(union)\n) as parents\n")
        }
        try project.write("models/top.sql", "select count(*) as n from {{ ref('d0') }}")
        for attempt in 1...5 {
            let result = project.dfx("run", "--threads", "4")
            XCTAssertEqual(result.status, 0, "run \(attempt): \(result.output)")
            XCTAssertTrue(result.output.contains("PASS=13 ERROR=0"), "run \(attempt): \(result.output)")
            XCTAssertEqual(try project.rows("select n from {top}"), [["8"]], "run \(attempt)")
            XCTAssertEqual(try project.rows("select sum(x) from {d3}"), [["52"]], "run \(attempt)")
        }
        // The executed SQL shows the swap's transaction, so a replay runs it as dfx did.
        let executed = try String(contentsOfFile: project.root + "/target/run/proj/models/p0.sql", encoding: .utf8)
        XCTAssertTrue(executed.contains("begin;\n"), executed)
        XCTAssertTrue(executed.contains("commit;\n"), executed)
    }
}
