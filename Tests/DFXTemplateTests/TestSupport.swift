import DFXBasics
import XCTest

@testable import DFXTemplate

/// Renders `source` with `context`; failures come back as the formatted diagnostic text.
func render(
    _ source: String, _ context: [String: Value] = [:], environment: Environment = Environment(),
    path: String = "t.sql"
) -> String {
    do {
        let template = try environment.compile(source, path: path)
        return try environment.render(template, context: context)
    } catch {
        return "ERROR: " + error.description
    }
}

/// A table of (template, expected output) cases, each reported at its own line on failure.
struct Case {
    var source: String
    var expected: String
    var context: [String: Value] = [:]
    var line: UInt

    init(_ source: String, _ expected: String, _ context: [String: Value] = [:], line: UInt = #line) {
        self.source = source
        self.expected = expected
        self.context = context
        self.line = line
    }
}

func check(_ cases: [Case], environment: Environment = Environment(), file: StaticString = #filePath) {
    for item in cases {
        let output = render(item.source, item.context, environment: environment)
        XCTAssertEqual(output, item.expected, "template: \(item.source)", file: file, line: item.line)
    }
}
