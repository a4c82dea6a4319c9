import DFXYAML
import XCTest

/// Size, not speed, is asserted (timings vary on shared machines); the time is printed for a look.
final class PerformanceTests: XCTestCase {
    func testLargeSchemaFile() throws {
        var text = "version: 2\nmodels:\n"
        for model in 0..<2_000 {
            text += "  - name: model_\(model)\n    description: \"Model number \(model)\"\n    config: {materialized: table, tags: [a, b]}\n    columns:\n"
            for column in 0..<5 {
                text += "      - name: col_\(column)\n        tests: [unique, not_null]\n"
            }
        }
        let started = ContinuousClock.now
        let root = try XCTUnwrap(YAML.parse(text, file: "big.yml"))
        let elapsed = ContinuousClock.now - started
        print("parsed \(text.utf8.count) bytes in \(elapsed)")
        XCTAssertEqual(root["models"]?.sequence?.count, 2_000)
        XCTAssertEqual(root["models"]?[1_999]?["columns"]?[4]?["tests"]?[1]?.stringValue, "not_null")
        XCTAssertEqual(root["models"]?[1_999]?["columns"]?[4]?.location.line, 2 + 1_999 * 14 + 4 + 9)
    }
}
