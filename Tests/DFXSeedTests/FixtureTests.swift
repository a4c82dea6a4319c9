import DFXSQL
import DFXSeed
import XCTest

/// Realistic seed files in `Fixtures/CSV/`: their columns, types on both dialects, and rows.
final class FixtureTests: XCTestCase {
    private struct Case {
        var file: String
        var delimiter: UInt8 = UInt8(ascii: ",")
        var columns: [String]
        var postgres: [String]
        var sqlite: [String]
        var rows: [[String?]]
    }

    private let cases: [Case] = [
        Case(
            file: "zip_codes", columns: ["zip", "state", "population", "lat"],
            postgres: ["text", "text", "bigint", "numeric"], sqlite: ["text", "text", "integer", "numeric"],
            rows: [["02134", "MA", "36142", "42.3539"], ["90210", "CA", "21741", "34.0901"], ["00501", "NY", "0", "40.8154"]]),
        Case(
            file: "european", delimiter: UInt8(ascii: ";"), columns: ["product", "price", "note"],
            postgres: ["text", "text", "text"], sqlite: ["text", "text", "text"],
            rows: [["Käse; alt", "3,14", "sagte \"gut\""], ["Brot", "2,50", nil], ["Milch", "1", "frisch"]]),
        Case(
            file: "multiline_notes", columns: ["id", "author", "note", "published"],
            postgres: ["bigint", "text", "text", "date"], sqlite: ["integer", "text", "text", "text"],
            rows: [
                ["1", "Doe, Jane", "first line\nsecond line", "2024-03-01"], ["2", "Smith", "a \"quoted\" word", "2024-03-02"],
                ["3", nil, "ends with a newline\n", nil],
            ]),
        Case(
            file: "windows_export", columns: ["Code", "Amount", "Flag", "Unused"],
            postgres: ["text", "numeric", "text", "text"], sqlite: ["text", "numeric", "text", "text"],
            rows: [["A-1", "10.5", "yes", nil], ["A-2", "-3", "no", nil]]),
        Case(
            file: "timestamps", columns: ["event", "at_local", "at_utc", "mixed"],
            postgres: ["text", "timestamp", "timestamptz", "text"], sqlite: ["text", "text", "text", "text"],
            rows: [
                ["login", "2024-01-05 10:00:00", "2024-01-05T10:00:00Z", "2024-01-05 10:00:00"],
                ["logout", "2024-01-05 18:30:15.250", "2024-01-05T18:30:15.25+01:00", "2024-01-05T18:30:15Z"],
            ]),
    ]

    func testFixtures() throws {
        for testCase in cases {
            let table = try SeedTable(
                bytes: Fixture.bytes(testCase.file), path: "seeds/\(testCase.file).csv",
                options: SeedOptions(delimiter: testCase.delimiter))
            XCTAssertEqual(table.columnNames, testCase.columns, testCase.file)
            XCTAssertEqual(table.columns.map { $0.type.sqlType(for: .postgres) }, testCase.postgres, testCase.file)
            XCTAssertEqual(table.columns.map { $0.type.sqlType(for: .sqlite) }, testCase.sqlite, testCase.file)
            XCTAssertEqual(try table.records(), testCase.rows, testCase.file)
            XCTAssertEqual(try CopyTextDecoder.decode(table.copyText()), testCase.rows, testCase.file)
        }
    }
}
