import Foundation
import XCTest

/// Golden-file comparison for text output, shared by the test targets. A target keeps its files in a
/// copied resource folder (`folder`, read through its `bundle`) beside its sources;
/// `RECORD_SNAPSHOTS=1 swift test --filter <Target>` rewrites them from the actual output.
public enum GoldenFiles {
    public static func assertMatches(
        _ actual: String, named name: String, folder: String, bundle: Bundle, file: StaticString = #filePath, line: UInt = #line
    ) {
        let relative = "\(folder)/\(name).txt"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(relative)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let url = bundle.url(forResource: name, withExtension: "txt", subdirectory: folder),
            let expected = try? String(contentsOf: url, encoding: .utf8)
        else {
            XCTFail("missing golden file \(relative); run with RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let location = first.map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" } ?? "length differs"
            XCTFail("\(relative) differs at \(location)\n--- actual ---\n\(actual)", file: file, line: line)
        }
    }
}
