import DFXBasics
import Foundation
import XCTest

@testable import DFXTemplate

/// Golden snapshots of diagnostics: each file holds the inputs and the formatted error.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter DFXTemplateTests.ErrorGoldenTests`.
final class ErrorGoldenTests: XCTestCase {
    struct ErrorCase {
        var name: String
        var files: [(String, String)]
        var context: [String: Value] = [:]
        var options = EnvironmentOptions()
    }

    static let macroFile = """
        {% macro outer(x) %}
          {{ middle(x) }}
        {% endmacro %}
        {% macro middle(x) %}{{ inner(x, 0) }}{% endmacro %}
        {% macro inner(a, b) %}{{ a // b }}{% endmacro %}
        {% macro my_macro(column, alias='x') %}{{ column }}{% endmacro %}
        {% macro forever(n) %}{{ forever(n + 1) }}{% endmacro %}
        """

    let cases: [ErrorCase] = [
        ErrorCase(name: "undefined_variable", files: [("models/m.sql", "select {{ colum }}\nfrom t\n")], context: ["column": .string("id")]),
        ErrorCase(name: "undefined_macro", files: [("macros/a.sql", macroFile), ("models/m.sql", "select {{ my_macor('id') }}\n")]),
        ErrorCase(name: "wrong_arity", files: [("macros/a.sql", macroFile), ("models/m.sql", "select\n  {{ my_macro('id', 'a', 'b') }}\n")]),
        ErrorCase(name: "unknown_keyword", files: [("macros/a.sql", macroFile), ("models/m.sql", "{{ my_macro('id', alais='y') }}")]),
        ErrorCase(name: "unclosed_block", files: [("models/m.sql", "select\n{% for c in cols %}\n  {{ c }},\n{% if x %}{% endif %}\n")]),
        ErrorCase(name: "unexpected_end_tag", files: [("models/m.sql", "{% if x %}\n{% endfor %}\n")]),
        ErrorCase(name: "unknown_filter", files: [("models/m.sql", "select {{ 'a' | uper }}")]),
        ErrorCase(name: "unknown_test", files: [("models/m.sql", "{% if x is defind %}{% endif %}")]),
        ErrorCase(name: "type_error", files: [("models/m.sql", "{% set n = 1 %}\nselect {{ n + 'a' }}")]),
        ErrorCase(name: "division_by_zero", files: [("models/m.sql", "{{ 1 / 0 }}")]),
        ErrorCase(name: "nested_macro_error", files: [("macros/a.sql", macroFile), ("models/m.sql", "select\n    {{ outer(1) }}\n")]),
        ErrorCase(
            name: "step_limit", files: [("models/m.sql", "{% for i in range(100) %}{% for j in range(100) %}{% endfor %}{% endfor %}")],
            options: EnvironmentOptions(maxSteps: 1000)),
        ErrorCase(name: "recursion_limit", files: [("macros/a.sql", macroFile), ("models/m.sql", "{{ forever(0) }}")],
                  options: EnvironmentOptions(maxDepth: 3)),
        ErrorCase(name: "syntax_error", files: [("models/m.sql", "select {{ 1 + }}")]),
        ErrorCase(name: "unclosed_string", files: [("models/m.sql", "select {{ 'abc }}")]),
        ErrorCase(name: "materialization", files: [("macros/m.sql", "{% materialization custom, default %}{% endmaterialization %}")]),
        ErrorCase(name: "include", files: [("models/m.sql", "{% include 'x.sql' %}")]),
        ErrorCase(name: "strict_undefined_attribute", files: [("models/m.sql", "{{ cfg.missing.deeper }}")], context: ["cfg": .dict([])]),
    ]

    func testErrorSnapshots() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        let directory = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Golden/errors")
        let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/errors")
        for item in cases {
            let actual = snapshot(item)
            let name = item.name + ".txt"
            if record {
                try actual.write(to: sourceDirectory.appendingPathComponent(name), atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(actual, expected, "golden \(name) differs; re-record with RECORD_SNAPSHOTS=1")
        }
    }

    func snapshot(_ item: ErrorCase) -> String {
        var text = ""
        for (path, source) in item.files { text += "== \(path) ==\n\(source)\n" }
        text += "== diagnostic ==\n"
        let environment = Environment(options: item.options)
        do {
            var last: Template?
            for (path, source) in item.files {
                let template = try environment.compile(source, path: path)
                if path.hasPrefix("macros/") { try environment.addMacros(from: template, namespace: "proj") }
                last = template
            }
            guard let last else { return text + "no template\n" }
            let output = try environment.render(last, context: item.context)
            text += "no error; rendered:\n\(output)\n"
        } catch {
            text += error.description + "\n"
        }
        return text
    }
}
