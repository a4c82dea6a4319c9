import DFXBasics
import DFXSeed
import XCTest

/// Malformed seeds, as dfx prints them: `path:line:col: error: …`, the source line, a caret, a hint.
final class ErrorGoldenTests: XCTestCase {
    private let syntaxCases: [(name: String, bytes: [UInt8], delimiter: UInt8)] = [
        ("empty file", [], UInt8(ascii: ",")),
        ("only a byte order mark", [0xEF, 0xBB, 0xBF], UInt8(ascii: ",")),
        ("only blank lines", Array("\n\r\n\n".utf8), UInt8(ascii: ",")),
        ("empty header name", Array("id,,name\n1,2,3\n".utf8), UInt8(ascii: ",")),
        ("trailing delimiter in header", Array("id,name,\n1,2,3\n".utf8), UInt8(ascii: ",")),
        ("duplicate header names ignoring case", Array("id,Name,name\n".utf8), UInt8(ascii: ",")),
        ("every header problem at once", Array("id,,\"ID\",x,\n".utf8), UInt8(ascii: ",")),
        ("duplicate header after a byte order mark", [0xEF, 0xBB, 0xBF] + Array("ïd,ïd\n".utf8), UInt8(ascii: ",")),
        ("too many fields", Array("id,name\n1,Smith\n2,Smith, Jane\n".utf8), UInt8(ascii: ",")),
        ("too few fields", Array("id,name,city\n1,Smith,Oslo\n2,Jones\n".utf8), UInt8(ascii: ",")),
        ("too few fields, quoted last", Array("id,name,city\n2,\"Jones\"\r\n".utf8), UInt8(ascii: ",")),
        ("ragged row after a multi-line field", Array("id,note\n1,\"two\nlines\"\n2,x,y\n".utf8), UInt8(ascii: ",")),
        ("unterminated quote", Array("id,note\n1,\"never closed\n2,x\n".utf8), UInt8(ascii: ",")),
        ("text after a closing quote", Array("id,note\n1,\"quoted\"tail\n".utf8), UInt8(ascii: ",")),
        ("invalid UTF-8", Array("id,city\n1,Z".utf8) + [0xFC] + Array("rich\n".utf8), UInt8(ascii: ",")),
        ("truncated UTF-8 sequence", Array("id,city\n1,ab".utf8) + [0xE6, 0x9D], UInt8(ascii: ",")),
        ("overlong UTF-8", Array("id\n".utf8) + [0xC0, 0xAF] + Array("\n".utf8), UInt8(ascii: ",")),
        ("NUL byte", Array("id,name\n1,a".utf8) + [0] + Array("b\n".utf8), UInt8(ascii: ",")),
        ("tab-separated, too many fields", Array("id\tname\n1\ta\tb\n".utf8), UInt8(ascii: "\t")),
    ]

    func testSyntaxErrors() {
        var out = ""
        for (name, bytes, delimiter) in syntaxCases {
            let output: String
            do {
                let table = try SeedTable(bytes: bytes, path: "seeds/customers.csv", options: SeedOptions(delimiter: delimiter))
                output = "(no error) \(table.columnNames)"
            } catch {
                output = "\(error)"
            }
            out += Golden.section(name, input: String(decoding: bytes, as: UTF8.self), output: output)
        }
        Golden.assertMatches(out, named: "syntax-errors")
    }

    func testConfigErrors() {
        let location = SourceLocation(file: "seeds/properties.yml", line: 7, column: 9)
        let header = Array("customer_id,zip_code,name\n1,02134,x\n".utf8)
        let cases: [(name: String, columnTypes: [String: String])] = [
            ("misspelled column", ["zip_cod": "varchar(10)"]),
            ("unrelated column", ["amount": "numeric"]),
            ("two problems, sorted", ["zipcode": "text", "name": " "]),
        ]
        var out = ""
        for (name, columnTypes) in cases {
            let output: String
            do {
                _ = try SeedTable(
                    bytes: header, path: "seeds/customers.csv",
                    options: SeedOptions(columnTypes: columnTypes, columnTypesLocation: location))
                output = "(no error)"
            } catch {
                output = "\(error)"
            }
            out += Golden.section(name, input: columnTypes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"), output: output)
        }
        for delimiter in ["", ";;", "\"", "\n", "é"] {
            let output: String
            do {
                output = "(no error) \(try SeedOptions.delimiter(from: delimiter, at: location))"
            } catch {
                output = "\(error)"
            }
            out += Golden.section("delimiter config", input: delimiter, output: output)
        }
        for delimiter in [UInt8(ascii: "\""), UInt8(ascii: "\n"), 0xC3] {
            let output: String
            do {
                _ = try SeedTable(bytes: header, path: "seeds/customers.csv", options: SeedOptions(delimiter: delimiter))
                output = "(no error)"
            } catch {
                output = "\(error)"
            }
            out += Golden.section("delimiter option byte \(delimiter)", input: "", output: output)
        }
        Golden.assertMatches(out, named: "config-errors")
    }
}

/// Header names on a dialect with an identifier limit (PostgreSQL's 63 bytes).
final class DialectDiagnosticsGoldenTests: XCTestCase {
    func testLongNames() throws {
        let long = String(repeating: "a", count: 62)
        let header = "id,\(long)_first,\(long)_second,\(String(repeating: "é", count: 40)),short\n1,2,3,4,5\n"
        let table = try SeedTable(bytes: Array(header.utf8), path: "seeds/wide.csv")
        let postgres = table.diagnostics(for: .postgres).map(\.description).joined(separator: "\n")
        XCTAssertTrue(table.diagnostics(for: .sqlite).isEmpty)
        XCTAssertEqual(table.diagnostics(for: .postgres).map(\.severity), [.warning, .error, .warning])
        Golden.assertMatches(Golden.section("long header names on postgres", input: header, output: postgres), named: "dialect-diagnostics")
    }
}
