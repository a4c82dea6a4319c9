import DFXSeed
import XCTest

/// `nullValues`: unquoted words read as NULL (dbt reads `null` so); none by default.
final class NullValuesTests: XCTestCase {
    private let text = "a,n\nnull,1\nNULL,null\n\"null\",3\nnullx,Null\n"

    func testDefaultKeepsTheWordNull() throws {
        let table = try SeedTable(bytes: Array(text.utf8), path: "seeds/n.csv")
        XCTAssertEqual(table.columns.map(\.type), [.text, .text])
        XCTAssertEqual(try table.records(), [["null", "1"], ["NULL", "null"], ["null", "3"], ["nullx", "Null"]])
    }

    func testNullWordsIgnoringCaseUnquotedOnly() throws {
        let table = try SeedTable(bytes: Array(text.utf8), path: "seeds/n.csv", options: SeedOptions(nullValues: ["null", ""]))
        XCTAssertEqual(table.columns.map(\.type), [.text, .integer])
        let expected: [[String?]] = [[nil, "1"], [nil, nil], ["null", "3"], ["nullx", nil]]
        XCTAssertEqual(try table.records(), expected)
        XCTAssertEqual(String(decoding: try table.copyText(), as: UTF8.self), "\\N\t1\n\\N\t\\N\nnull\t3\nnullx\t\\N\n")
        var rows: [[SeedValue]] = []
        try table.forEachRow { rows.append($0) }
        XCTAssertEqual(rows, [[.null, .integer(1)], [.null, .null], [.text("null"), .integer(3)], [.text("nullx"), .null]])
    }

    func testSeveralWords() throws {
        let table = try SeedTable(
            bytes: Array("v\nN/A\n-\n2024-01-01\nn/a\n".utf8), path: "seeds/v.csv", options: SeedOptions(nullValues: ["n/a", "-"]))
        XCTAssertEqual(table.columns[0].type, .date)
        XCTAssertEqual(try table.records(), [[nil], [nil], ["2024-01-01"], [nil]])
    }
}
