import DFXBasics
import DFXYAML
import XCTest

/// libyaml's syntax errors and the tree builder's structural errors, as printed.
final class SyntaxErrorGoldenTests: XCTestCase {
    private let cases: [(name: String, text: String)] = [
        ("mapping value in a plain scalar", "models:\n  - name: orders\n    description: a: b\n"),
        ("bad indentation", "models:\n  - name: orders\n   columns: []\n"),
        ("tab indentation", "models:\n\t- name: orders\n"),
        ("tab after spaces", "version: 2\nmodels:\n  - name: x\n  \tcolumns: []\n"),
        ("unclosed flow sequence", "tests: [unique, not_null\nname: x\n"),
        ("unclosed quote", "description: \"never closed\nname: x\n"),
        ("unknown escape", "a: \"\\q\"\n"),
        ("invalid UTF-8", "a: caf\u{E9}\n"),
        ("duplicate key", "version: 2\nmodels:\n  - name: orders\n    name: customers\n"),
        ("second document", "a: 1\n---\nb: 2\n"),
        ("unknown anchor", "base: &base {x: 1}\nother: *bsae\n"),
        ("recursive alias", "a: &a\n  - *a\n"),
        ("bad merge", "defaults: &d [1, 2]\nmodel:\n  <<: *d\n"),
        ("bad int tag", "count: !!int twelve\n"),
        ("unknown tag", "seed: !ruby/object x\n"),
        ("alias bomb", "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"),
        ("block scalar with bad indentation", "sql: |\n    select 1\n  from x\n"),
        ("directive", "%YAML 2.0\n---\na: 1\n"),
    ]

    func testSyntaxErrors() {
        var out = ""
        for (name, text) in cases {
            var bytes = Array(text.utf8)
            if name == "invalid UTF-8" {  // replace the encoded é with a lone Latin-1 byte
                bytes = Array("a: caf".utf8) + [0xE9] + Array("\n".utf8)
            }
            let options = name == "alias bomb" ? YAMLParseOptions(maxNodes: 20) : YAMLParseOptions()
            let output: String
            do {
                let documents = try YAML.parse(bytes: bytes, file: "models/schema.yml", options: options)
                output = "(no error) \(documents?.debugDescription ?? "nil")"
            } catch {
                output = error.description
            }
            out += Golden.section(name, input: text, output: output)
        }
        Golden.assertMatches(out, named: "syntax-errors")
    }
}
