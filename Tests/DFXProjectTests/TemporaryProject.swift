import Foundation
import XCTest

import DFXBasics
@testable import DFXProject

/// A project written to a fresh temporary folder from a table of files, with an empty HOME beside it.
struct TemporaryProject {
    let root: String
    let home: String

    init(_ files: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-project-\(UUID().uuidString)")
        root = base.appendingPathComponent("project").path
        home = base.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path.hasPrefix("/") ? path : root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    func load(vars: [String: ConfigValue] = [:], environment: [String: String] = [:]) throws(DiagnosticError) -> Project {
        try ProjectLoader(projectDir: root, cliVars: vars, environment: environment).load()
    }

    /// The diagnostics a failing load throws (fails the test when the load succeeds).
    func loadErrors(file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            _ = try load()
            XCTFail("the load should have failed", file: file, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
