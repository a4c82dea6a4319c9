import DFXTestSupport
import DFXCommands
import Foundation
import XCTest

/// A fixture project copied to a fresh temporary folder, with an empty HOME, so that commands that
/// write `target/` never touch the bundle and never read the developer's `~/.dbt`.
struct FixtureProject {
    let root: String
    let home: String

    init(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let path = Self.bundlePath(name) else {
            XCTFail("fixture \(name) missing from the bundle", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        let url = URL(fileURLWithPath: path)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let destination = base.appendingPathComponent(name)
        try FileManager.default.copyItem(at: url, to: destination)
        let home = base.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        root = destination.path
        self.home = home.path
    }

    /// The fixture's folder inside the test bundle (for golden files).
    static func bundlePath(_ name: String) -> String? {
        guard let base = Bundle.module.resourceURL else { return nil }
        let path = base.appendingPathComponent("Fixtures").appendingPathComponent(name).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Runs `dfx arguments...` in the project folder.
    func run(_ arguments: [String], environment extra: [String: String] = [:], directory: String? = nil) -> CLIResult {
        let out = OutputBuffer()
        let err = OutputBuffer()
        let console = Console(useColor: false, writeOut: { out.append($0) }, writeErr: { err.append($0) })
        var environment = ["HOME": home, "NO_COLOR": "1"]
        for (key, value) in extra { environment[key] = value }
        let context = CommandContext(console: console, environment: environment, workingDirectory: directory ?? root)
        let status = DFXCLI.run(arguments, context: context)
        return CLIResult(status: status, stdout: out.contents, stderr: err.contents)
    }

    func write(_ relativePath: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relativePath).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + relativePath)
    }

    /// `target/manifest.json` parsed.
    func manifest(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: root + "/target/manifest.json"), "no manifest", file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
    }
}
