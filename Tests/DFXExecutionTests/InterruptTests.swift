import Foundation
import XCTest

/// Ctrl-C during `dfx run` cancels the running statement on the server and exits 130.
final class InterruptTests: XCTestCase {
    func testSIGINTCancelsTheRunningModel() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            let slow = backend == .postgres
                ? "select 1 as x from pg_sleep(20)"
                : "with recursive c(n) as (select 1 union all select n + 1 from c where n < 100000000000) select count(*) as x from c"
            try project.write("models/slow.sql", "{{ config(materialized='table') }}\n" + slow + "\n")
            try project.write("models/after_slow.sql", "select * from {{ ref('slow') }}\n")
            let clock = ContinuousClock()
            let start = clock.now
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.7) { kill(getpid(), SIGINT) }
            let result = project.dfx("run")
            XCTAssertEqual(result.status, 130, "\(backend): \(result.output)")
            XCTAssertLessThan(clock.now - start, .seconds(10), "\(backend)")
            XCTAssertTrue(result.output.contains("Interrupted"), "\(backend): \(result.output)")
            let statuses = try project.statuses()
            XCTAssertEqual(statuses["model.proj.slow"], "error", "\(backend)")
            XCTAssertEqual(statuses["model.proj.after_slow"], "skipped", "\(backend)")
        }
    }
}
