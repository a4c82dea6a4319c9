import DFXBasics
import DFXCompiler
import DFXProject
import Foundation
import XCTest

/// A project in a temporary folder, loaded, parsed and (optionally) compiled against a PostgreSQL
/// target named `dev` with schema `analytics` — no database is ever contacted.
struct CompilerHarness {
    let root: String

    init(_ files: [String: String], projectName: String = "shop", projectFile: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-compiler-\(UUID().uuidString)").path
        var all = files
        if all["dbt_project.yml"] == nil && all["dfx_project.yml"] == nil {
            all["dbt_project.yml"] = projectFile ?? "name: \(projectName)\n"
        }
        for (path, contents) in all {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func addFile(_ path: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    static let target = TargetSettings(
        profileName: "shop", name: "dev", type: "postgres", schema: "analytics", database: "warehouse", threads: 1,
        fields: ["type": .string("postgres"), "schema": .string("analytics"), "dbname": .string("warehouse")])

    func settings(vars: [String: ConfigValue] = [:], environment: [String: String] = [:]) -> CompileSettings {
        CompileSettings(
            target: Self.target, cliVars: vars, environment: environment, invocationID: "00000000-test",
            startedAt: TimestampValue(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5))
    }

    func parse(vars: [String: ConfigValue] = [:], environment: [String: String] = [:]) throws(DiagnosticError) -> Manifest {
        let project = try ProjectLoader(projectDir: root, cliVars: vars, environment: environment).load()
        return try ProjectParser(project: project, settings: settings(vars: vars, environment: environment)).parse()
    }

    /// Errors of a parse that must fail.
    func parseErrors(vars: [String: ConfigValue] = [:], file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let manifest = try parse(vars: vars)
            _ = try manifest.dependencyGraph()
            XCTFail("the parse should have failed", file: file, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Compiled SQL of every node with SQL, by unique ID.
    func compile(vars: [String: ConfigValue] = [:], environment: [String: String] = [:]) throws(DiagnosticError) -> (Manifest, [String: String]) {
        let manifest = try parse(vars: vars, environment: environment)
        let compiler = NodeCompiler(manifest: manifest, dialect: settings(vars: vars, environment: environment).dialect)
        return (manifest, try compiler.compile(manifest.nodes.map(\.uniqueID)))
    }

    /// Errors of a compile that must fail (at parse or render time).
    func compileErrors(vars: [String: ConfigValue] = [:], file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            _ = try compile(vars: vars)
            XCTFail("the compile should have failed", file: file, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }
}

/// Whitespace-insensitive comparison of SQL: runs of whitespace become one space.
func squashed(_ sql: String) -> String {
    sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
}
