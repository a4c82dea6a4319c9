import DFXSeed
import XCTest

/// RFC 4180 reading: what each input's header and rows are.
final class CSVReaderTests: XCTestCase {
    private struct Case {
        var name: String
        var input: String
        var delimiter: UInt8 = UInt8(ascii: ",")
        var header: [String]
        var rows: [[String?]]
    }

    private let cases: [Case] = [
        Case(name: "plain", input: "a,b\n1,2\n3,4\n", header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        Case(name: "no final newline", input: "a,b\n1,2", header: ["a", "b"], rows: [["1", "2"]]),
        Case(name: "CRLF", input: "a,b\r\n1,2\r\n3,4\r\n", header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        Case(name: "header only", input: "a,b\n", header: ["a", "b"], rows: []),
        Case(name: "header only, no newline", input: "a,b", header: ["a", "b"], rows: []),
        Case(name: "empty is NULL", input: "a,b,c\n,x,\n", header: ["a", "b", "c"], rows: [[nil, "x", nil]]),
        Case(name: "quoted empty is NULL", input: "a,b\n\"\",x\n", header: ["a", "b"], rows: [[nil, "x"]]),
        Case(name: "trailing delimiter", input: "a,b\n1,\n", header: ["a", "b"], rows: [["1", nil]]),
        Case(name: "quoted delimiter", input: "a,b\n\"x,y\",2\n", header: ["a", "b"], rows: [["x,y", "2"]]),
        Case(name: "doubled quotes", input: "a\n\"say \"\"hi\"\"\"\n", header: ["a"], rows: [["say \"hi\""]]),
        Case(name: "only a doubled quote", input: "a,b\n\"\"\"\",1\n", header: ["a", "b"], rows: [["\"", "1"]]),
        Case(name: "embedded LF", input: "a,b\n\"line 1\nline 2\",2\n", header: ["a", "b"], rows: [["line 1\nline 2", "2"]]),
        Case(name: "embedded CRLF", input: "a,b\r\n\"x\r\ny\",2\r\n", header: ["a", "b"], rows: [["x\r\ny", "2"]]),
        Case(name: "quote inside unquoted field is data", input: "h\n5'11\"\n", header: ["h"], rows: [["5'11\""]]),
        Case(name: "lone CR is data", input: "a,b\nx\ry,2\n", header: ["a", "b"], rows: [["x\ry", "2"]]),
        Case(name: "blank lines skipped", input: "a,b\n\n1,2\r\n\r\n3,4\n\n", header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        Case(name: "spaces kept", input: "a,b\n 1 , x \n", header: ["a", "b"], rows: [[" 1 ", " x "]]),
        Case(name: "BOM", input: "\u{FEFF}id,name\n1,x\n", header: ["id", "name"], rows: [["1", "x"]]),
        Case(name: "quoted header", input: "\"first name\",\"a,b\"\nx,y\n", header: ["first name", "a,b"], rows: [["x", "y"]]),
        Case(name: "unicode", input: "city,name\nZürich,Ålesund 東京 🎉\n", header: ["city", "name"], rows: [["Zürich", "Ålesund 東京 🎉"]]),
        Case(
            name: "semicolon delimiter", input: "a;b\n\"1;2\";3,5\n", delimiter: UInt8(ascii: ";"), header: ["a", "b"],
            rows: [["1;2", "3,5"]]),
        Case(
            name: "tab delimiter", input: "a\tb\nx y\t\"q\tr\"\n", delimiter: UInt8(ascii: "\t"), header: ["a", "b"],
            rows: [["x y", "q\tr"]]),
        Case(name: "one column with NULL via quotes", input: "a\n\"\"\nx\n", header: ["a"], rows: [[nil], ["x"]]),
        Case(name: "backslashes are data", input: "p\nC:\\temp\\n\n", header: ["p"], rows: [["C:\\temp\\n"]]),
    ]

    func testCases() throws {
        for testCase in cases {
            let table: SeedTable
            do {
                table = try SeedTable(
                    bytes: Array(testCase.input.utf8), path: "seeds/t.csv", options: SeedOptions(delimiter: testCase.delimiter))
            } catch {
                XCTFail("\(testCase.name): unexpected error \(error)")
                continue
            }
            XCTAssertEqual(table.columnNames, testCase.header, testCase.name)
            XCTAssertEqual(try table.records(), testCase.rows, testCase.name)
            XCTAssertEqual(table.rowCount, testCase.rows.count, testCase.name)
        }
    }

    func testRecordsStreamInOrder() throws {
        let text = "n\n" + (1...1000).map(String.init).joined(separator: "\n") + "\n"
        let table = try SeedTable(bytes: Array(text.utf8), path: "seeds/n.csv")
        var seen: [String?] = []
        try table.forEachRecord { seen.append($0[0]) }
        XCTAssertEqual(seen, (1...1000).map { String($0) })
    }

    func testBodyErrorsPropagate() throws {
        struct Stop: Error {}
        let table = try SeedTable(bytes: Array("a\n1\n2\n".utf8), path: "seeds/a.csv")
        var calls = 0
        XCTAssertThrowsError(
            try table.forEachRecord { _ in
                calls += 1
                throw Stop()
            }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(calls, 1)
    }
}
