import DFXTestSupport
import DFXCommands
import DFXPostgres
import DFXSQL
import DFXSQLite
import Foundation
import XCTest

/// A throwaway dfx project on one warehouse, run in-process: SQLite in a temporary folder, or
/// PostgreSQL (`DFX_TEST_POSTGRES_URL`, required: a test fails without it) in a fresh schema.
///
/// `dfx(_:)` may be called from several threads at once (it only reads `root`); the connection
/// behind `rows`/`execute` belongs to the test's own thread.
final class RunProject: @unchecked Sendable {
    enum Backend: String, CaseIterable { case sqlite, postgres }

    let backend: Backend
    let root: String
    let schema: String
    let connection: any WarehouseConnection

    init(_ backend: Backend, file: StaticString = #filePath, line: UInt = #line) throws {
        self.backend = backend
        root = NSTemporaryDirectory() + "dfx-run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/seeds", withIntermediateDirectories: true)
        let profile: String
        switch backend {
        case .sqlite:
            schema = "main"
            profile = "{type: sqlite, database: target/run.db, schema: main, threads: 2}"
            try FileManager.default.createDirectory(atPath: root + "/target", withIntermediateDirectories: true)
            connection = try SQLiteConnection(path: root + "/target/run.db")
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["DFX_TEST_POSTGRES_URL"], !url.isEmpty else {
                XCTFail("DFX_TEST_POSTGRES_URL is not set: start a server with scripts/postgres-start.sh", file: file, line: line)
                throw CancellationError()
            }
            schema = "run_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            profile = "{type: postgres, url: '\(url)', schema: \(schema), threads: 2}"
            connection = try PostgresConnection(parameters: ["dbname": url])
        }
        try write("dfx_project.yml", "name: proj\nprofile: proj\n")
        try write("profiles.yml", "proj:\n  target: t\n  outputs:\n    t: \(profile)\n")
    }

    /// A second connection to the project's warehouse, for a concurrent reader.
    func openConnection() throws -> any WarehouseConnection {
        switch backend {
        case .sqlite: return try SQLiteConnection(path: root + "/target/run.db")
        case .postgres: return try PostgresConnection(parameters: ["dbname": ProcessInfo.processInfo.environment["DFX_TEST_POSTGRES_URL"] ?? ""])
        }
    }

    func write(_ relativePath: String, _ contents: String) throws {
        let path = root + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + relativePath)
    }

    /// Runs `dfx arguments...` in the project folder.
    func dfx(_ arguments: String...) -> (status: Int32, output: String) {
        dfx(arguments)
    }

    /// Runs `dfx` with `arguments` in the project folder.
    func dfx(_ arguments: [String]) -> (status: Int32, output: String) {
        let out = OutputBuffer()
        let console = Console(useColor: false, writeOut: { out.append($0) }, writeErr: { out.append($0) })
        let context = CommandContext(console: console, environment: ["HOME": root, "NO_COLOR": "1"], workingDirectory: root)
        let status = DFXCLI.run(arguments, context: context)
        return (status, out.contents)
    }

    /// The quoted name of relation `name` in the project's schema (or in `schema`).
    func relation(_ name: String, schema: String? = nil) -> String {
        RelationName(schema: schema ?? self.schema, name: name).rendered(connection.dialect)
    }

    /// The schema where tests store failures: `<schema>_dfx_test__audit`.
    var auditSchema: String { schema + "_dfx_test__audit" }

    /// Rows of `sql` as text; `{name}` stands for `relation(name)`.
    func rows(_ sql: String) throws -> [[String?]] {
        try connection.fetch(expand(sql)).textRows
    }

    func execute(_ sql: String) throws {
        try connection.execute(expand(sql))
    }

    /// `select count(*) from {name}` as an integer.
    func count(_ name: String) throws -> Int {
        Int(try rows("select count(*) from {\(name)}").first?.first.flatMap { $0 } ?? "") ?? -1
    }

    func expand(_ sql: String) -> String {
        var text = sql
        while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
            let name = String(text[text.index(after: open)..<close])
            text.replaceSubrange(open...close, with: relation(name))
        }
        return text
    }

    /// `target/run_results.json`: node name (the third part of the unique ID) → status and failures.
    func testResults() throws -> [String: (status: String, failures: Int?)] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: root + "/target/run_results.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        var found: [String: (status: String, failures: Int?)] = [:]
        for result in results {
            guard let id = result["unique_id"] as? String, let status = result["status"] as? String else { continue }
            let parts = id.split(separator: ".")
            found[parts.count > 2 ? String(parts[2]) : id] = (status, result["failures"] as? Int)
        }
        return found
    }

    /// Names of the relations in the project's schema(s) whose name contains `fragment` (taken
    /// literally: `_` and `%` are not wildcards).
    func relations(containing fragment: String) throws -> [String] {
        let pattern = "%" + fragment.replacing("\\", with: "\\\\").replacing("_", with: "\\_").replacing("%", with: "\\%") + "%"
        let sql = backend == .sqlite
            ? "select name from sqlite_master where name like '\(pattern)' escape '\\'"
            : "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where c.relname like '\(pattern)' escape '\\' and n.nspname like '\(schema)%'"
        return try rows(sql).compactMap { $0.first ?? nil }
    }

    /// `target/run_results.json`: unique ID → status.
    func statuses() throws -> [String: String] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: root + "/target/run_results.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        var statuses: [String: String] = [:]
        for result in results {
            if let id = result["unique_id"] as? String, let status = result["status"] as? String { statuses[id] = status }
        }
        return statuses
    }
}
