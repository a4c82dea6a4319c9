import DFXCommands
import Foundation
import XCTest

/// Exit statuses and JSON logs.
final class ExitCodeTests: XCTestCase {
    func testUnknownRefIsAProjectErrorWithLocation() throws {
        let project = try FixtureProject("jaffle")
        try project.write("models/marts/broken.sql", "select 1 as id\nfrom {{ ref('stg_order') }}\n")
        for command in ["compile", "ls", "parse"] {
            let result = project.run([command])
            XCTAssertEqual(result.status, 2, "\(command): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("models/marts/broken.sql:2:"), result.stderr)
            XCTAssertTrue(result.stderr.contains("stg_orders"), "did-you-mean: \(result.stderr)")
        }
        XCTAssertFalse(project.exists("target/manifest.json"))
    }

    /// A model that fails to render fails the compile with its location; every failure is reported,
    /// and the previous manifest.json stays as it was (it is written whole or not at all).
    func testFailingModelsKeepThePreviousManifest() throws {
        let project = try FixtureProject("jaffle")
        XCTAssertEqual(project.run(["compile"]).status, 0)
        let before = try XCTUnwrap(project.read("target/manifest.json"))
        try project.write("models/broken_one.sql", "select {{ undefined_macro_one() }}\n")
        try project.write("models/broken_two.sql", "select 1 as a,\n  {{ 1 / 0 }}\n")
        let result = project.run(["compile"])
        XCTAssertEqual(result.status, 2, result.stderr + result.stdout)
        XCTAssertTrue(result.stderr.contains("models/broken_one.sql:1:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("models/broken_two.sql:2:"), result.stderr)
        XCTAssertEqual(project.read("target/manifest.json"), before)
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: project.root + "/target")).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testUsageErrors() throws {
        let project = try FixtureProject("jaffle")
        for arguments in [["compiel"], ["ls", "--output", "xml"], ["compile", "--no-such-flag"], ["ls", "--log-format", "yaml"]] {
            let result = project.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments) explains itself")
        }
    }

    func testMissingProjectFileIsAnError() throws {
        let project = try FixtureProject("jaffle")
        let result = project.run(["parse"], directory: project.home)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("dbt_project.yml"), result.stderr)
    }

    func testBadSelectorSyntaxIsAUsageError() throws {
        let project = try FixtureProject("jaffle")
        let result = project.run(["ls", "-s", "tag:"])
        XCTAssertEqual(result.status, 2, result.stdout)
    }

    func testJSONLogLinesParse() throws {
        let project = try FixtureProject("jaffle")
        let ok = project.run(["compile", "--log-format", "json"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        try assertJSONLines(ok.stdout, expectingEvent: "CompileComplete")

        let listed = project.run(["ls", "-s", "orders", "--resource-type", "model", "--log-format", "json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let listEvents = try assertJSONLines(listed.stdout, expectingEvent: "ListCmdOut")
        XCTAssertEqual(
            listEvents.compactMap { ($0["info"] as? [String: Any])?["msg"] as? String }, ["jaffle.marts.orders"])

        try project.write("models/marts/broken.sql", "select * from {{ ref('nope') }}\n")
        let failed = project.run(["compile", "--log-format", "json"])
        XCTAssertEqual(failed.status, 2)
        let events = try assertJSONLines(failed.stdout, expectingEvent: "Diagnostic")
        let diagnostic = try XCTUnwrap(events.first { ($0["info"] as? [String: Any])?["name"] as? String == "Diagnostic" })
        XCTAssertEqual((diagnostic["info"] as? [String: Any])?["level"] as? String, "error")
        let data = try XCTUnwrap(diagnostic["data"] as? [String: Any])
        XCTAssertEqual(data["file"] as? String, "models/marts/broken.sql")
        XCTAssertEqual(data["line"] as? Int, 1)
        XCTAssertTrue(failed.stderr.isEmpty, "JSON mode writes events to stdout only: \(failed.stderr)")
    }

    @discardableResult
    func assertJSONLines(_ text: String, expectingEvent event: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        var events: [[String: Any]] = []
        for lineText in text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(lineText.utf8))
            let dictionary = try XCTUnwrap(object as? [String: Any], "not an object: \(lineText)", file: file, line: line)
            let info = try XCTUnwrap(dictionary["info"] as? [String: Any], file: file, line: line)
            XCTAssertNotNil(info["ts"] as? String, file: file, line: line)
            XCTAssertNotNil(info["msg"] as? String, file: file, line: line)
            events.append(dictionary)
        }
        XCTAssertTrue(
            events.contains { ($0["info"] as? [String: Any])?["name"] as? String == event }, "no \(event) in \(text)", file: file,
            line: line)
        return events
    }

    func testRelativeProfilesDirIsResolvedFromTheWorkingDirectory() throws {
        let project = try FixtureProject("jaffle")
        let profiles = try XCTUnwrap(project.read("profiles.yml"))
        try project.write("config/profiles.yml", profiles.replacingOccurrences(of: "schema: analytics", with: "schema: from_flag"))
        let result = project.run(["compile", "--profiles-dir", "config", "--target", "prod", "-s", "orders"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let compiled = try XCTUnwrap(project.read("target/compiled/jaffle/models/marts/orders.sql"))
        XCTAssertTrue(compiled.contains("\"from_flag\".\"stg_orders\""), compiled)
    }

    func testProfileTargetSelection() throws {
        let project = try FixtureProject("jaffle")
        XCTAssertEqual(project.run(["compile", "--target", "prod", "-s", "orders"]).status, 0)
        let compiled = try XCTUnwrap(project.read("target/compiled/jaffle/models/marts/orders.sql"))
        XCTAssertTrue(compiled.contains("\"analytics\".\"stg_orders\""), compiled)
        let manifest = try project.manifest()
        XCTAssertEqual((manifest["metadata"] as? [String: Any])?["adapter_type"] as? String, "postgres")
        let text = try XCTUnwrap(project.read("target/manifest.json"))
        XCTAssertFalse(text.contains("hunter2"), "the password never reaches artifacts")

        let missing = project.run(["ls", "--target", "prd"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("prod"), "suggests prod: \(missing.stderr)")
    }
}
