import DFXTestSupport
import Foundation

/// Golden-file comparison for text output. Files live in `Fixtures/Golden/` beside this file and are
/// read through `Bundle.module`; `RECORD_SNAPSHOTS=1 swift test --filter DFXSeedTests` re-records them.
enum Golden {
    static func assertMatches(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        GoldenFiles.assertMatches(actual, named: name, folder: "Fixtures/Golden", bundle: .module, file: file, line: line)
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
