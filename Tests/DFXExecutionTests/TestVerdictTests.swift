import DFXBasics
import DFXCompiler
import DFXExecution
import XCTest

/// dbt's status rules for a test query's row, without a database.
final class TestVerdictTests: XCTestCase {
    func testStatusRules() throws {
        // (severity, failures, should_warn, should_error, --warn-error) → status, message
        let cases: [(String, Int, Bool, Bool, Bool, NodeResult.Status, String)] = [
            ("error", 0, false, false, false, .pass, ""),
            ("error", 3, true, true, false, .fail, "Got 3 results, configured to fail if != 0"),
            ("error", 1, true, false, false, .warn, "Got 1 result, configured to warn if != 0"),
            ("error", 1, true, false, true, .fail, "Got 1 result, configured to fail if != 0"),
            ("warn", 5, true, true, false, .warn, "Got 5 results, configured to warn if != 0"),
            ("warn", 5, false, true, false, .pass, ""),
            ("warn", 2, true, true, true, .fail, "Got 2 results, configured to fail if != 0"),
        ]
        for (severity, failures, warn, error, warnError, status, message) in cases {
            let settings = try TestSettings(config: ["severity": .string(severity)])
            let verdict = TestVerdict(failures: failures, shouldWarn: warn, shouldError: error, settings: settings, warnError: warnError)
            XCTAssertEqual(verdict.status, status, "\(severity) \(failures) \(warn) \(error) \(warnError)")
            XCTAssertEqual(verdict.message, message)
            XCTAssertEqual(verdict.failures, status == .pass ? 0 : failures)
        }
    }

    func testSettings() throws {
        let settings = try TestSettings(config: [
            "error_if": .string(">10"), "warn_if": .string(">= 2"), "limit": .int(5), "store_failures": .bool(true), "fail_calc": .string("sum(n)"),
        ])
        XCTAssertEqual(settings.errorIf.sql, "> 10")
        XCTAssertEqual(settings.warnIf.description, ">= 2")
        XCTAssertEqual(settings.limit, 5)
        XCTAssertEqual(settings.storeFailuresAs, .table)
        XCTAssertEqual(settings.failCalc, "sum(n)")
        XCTAssertNil(try TestSettings(config: ["store_failures": .bool(true), "store_failures_as": .string("ephemeral")]).storeFailuresAs)
        XCTAssertEqual(try TestSettings(config: ["store_failures_as": .string("view")]).storeFailuresAs, .view)
        XCTAssertEqual(try TestSettings(config: [:], storeFailures: true).storeFailuresAs, .table, "--store-failures")
        XCTAssertThrowsError(try TestSettings(config: ["error_if": .string("lots")]))
        XCTAssertThrowsError(try TestSettings(config: ["severity": .string("fatal")]))
    }
}
