import Foundation
import XCTest

/// Golden-file comparison for text output. Files live in `Golden/` beside this file and are read
/// through `Bundle.module`; `RECORD_SNAPSHOTS=1 swift test --filter DFXYAMLTests` re-records them.
enum Golden {
    static func assertMatches(
        _ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if recording {
            let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent("\(name).txt")
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Golden"),
            let expected = try? String(contentsOf: url, encoding: .utf8)
        else {
            XCTFail("missing golden file Golden/\(name).txt; run with RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" } ?? "length differs"
            XCTFail("Golden/\(name).txt differs at \(where_)\n--- actual ---\n\(actual)", file: file, line: line)
        }
    }

    /// One case of a golden file: the input, quoted, then what came out.
    static func section(_ name: String, input: String, output: String) -> String {
        let quoted = input.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + $0.replacingOccurrences(of: "\t", with: "→") }
            .joined(separator: "\n")
        return "## \(name)\n\(quoted)\n\(output)\n\n"
    }
}
