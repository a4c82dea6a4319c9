import DFXTestSupport
import DFXCommands
import Foundation
import XCTest

/// `dfx debug` against a real PostgreSQL server and a real SQLite file.
final class DebugCommandTests: XCTestCase {
    /// Runs dfx in-process in `directory`, returning the exit status and everything printed.
    func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) -> (Int32, String) {
        let buffer = OutputBuffer()
        let console = Console(useColor: false, writeOut: { buffer.append($0) }, writeErr: { buffer.append($0) })
        let context = CommandContext(console: console, environment: environment, workingDirectory: directory)
        let status = DFXCLI.run(arguments, context: context)
        return (status, buffer.text)
    }

    func makeProject(profile: String) throws -> String {
        let directory = try TestDatabase.temporaryDirectory()
        try "name: probe\nprofile: probe\n".write(toFile: directory + "/dfx_project.yml", atomically: true, encoding: .utf8)
        try profile.write(toFile: directory + "/profiles.yml", atomically: true, encoding: .utf8)
        return directory
    }

    func testPostgresTargetConnectsAndNeverPrintsThePassword() throws {
        let url = try TestDatabase.postgresURL()
        let directory = try makeProject(profile: """
            probe:
              target: pg
              outputs:
                pg:
                  type: postgres
                  url: "{{ env_var('PROBE_URL') }}"
                  password: "{{ env_var('PROBE_PASSWORD') }}"
                  schema: analytics
            """)
        let (status, output) = run(["debug"], in: directory, environment: ["PROBE_URL": url, "PROBE_PASSWORD": "hunter2-secret"])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("PostgreSQL"), output)
        XCTAssertTrue(output.contains("All checks passed"), output)
        XCTAssertFalse(output.contains("hunter2-secret"), output)
    }

    func testUnreachablePostgresFailsWithExitOne() throws {
        let directory = try makeProject(profile: """
            probe:
              target: pg
              outputs:
                pg: {type: postgres, host: 127.0.0.1, port: 1, user: nobody, password: "pw-not-shown", dbname: x, schema: s, connect_timeout: 2}
            """)
        let (status, output) = run(["debug"], in: directory)
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("cannot connect"), output)
        XCTAssertFalse(output.contains("pw-not-shown"), output)
    }

    func testSQLiteTargetCreatesTheDatabaseFile() throws {
        let directory = try makeProject(profile: """
            probe:
              target: dev
              outputs:
                dev: {type: sqlite, database: target/probe.db, schema: main}
            """)
        let (status, output) = run(["debug"], in: directory)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("SQLite"), output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/target/probe.db"), output)
    }
}
