import DFXTestSupport
import Foundation

/// Golden-file comparison for text output. Files live in `Golden/` beside this file and are read
/// through `Bundle.module`; `RECORD_SNAPSHOTS=1 swift test --filter DFXYAMLTests` re-records them.
enum Golden {
    static func assertMatches(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        GoldenFiles.assertMatches(actual, named: name, folder: "Golden", bundle: .module, file: file, line: line)
    }

    /// One case of a golden file: the input, quoted, then what came out.
    static func section(_ name: String, input: String, output: String) -> String {
        let quoted = input.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + $0.replacingOccurrences(of: "\t", with: "→") }
            .joined(separator: "\n")
        return "## \(name)\n\(quoted)\n\(output)\n\n"
    }
}
