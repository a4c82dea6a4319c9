import Foundation
import XCTest

/// Golden-file comparison for text output. Files live in `Fixtures/Golden/` beside this file and are
/// read through `Bundle.module`; `RECORD_SNAPSHOTS=1 swift test --filter DFXSeedTests` re-records them.
enum Golden {
    static func assertMatches(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
                .appendingPathComponent("Fixtures/Golden/\(name).txt")
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/Golden"),
            let expected = try? String(contentsOf: url, encoding: .utf8)
        else {
            XCTFail("missing golden file Fixtures/Golden/\(name).txt; run with RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let location = first.map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" } ?? "length differs"
            XCTFail("Fixtures/Golden/\(name).txt differs at \(location)\n--- actual ---\n\(actual)", file: file, line: line)
        }
    }

    /// One case of a golden file: the input, quoted line by line (tabs as →, CR as ␍), then the output.
    static func section(_ name: String, input: String, output: String) -> String {
        let visible = input.replacingOccurrences(of: "\r", with: "␍").replacingOccurrences(of: "\t", with: "→")
            .replacingOccurrences(of: "\u{0}", with: "␀")
        let quoted = visible.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
            .joined(separator: "\n")
        return "## \(name)\n\(quoted)\n\(output)\n\n"
    }
}
