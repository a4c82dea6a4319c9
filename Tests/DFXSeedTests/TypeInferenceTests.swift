import DFXSQL
import DFXSeed
import XCTest

/// Inference per column: the values of one column (nil = empty field) and the type they give.
final class TypeInferenceTests: XCTestCase {
    private let cases: [(values: [String?], type: SeedColumnType, why: String)] = [
        (["1", "2", "30"], .integer, "plain integers"),
        (["0", "-5", "42"], .integer, "zero and negatives"),
        (["9223372036854775807", "-9223372036854775808"], .integer, "Int64 bounds"),
        (["9223372036854775808"], .decimal, "one past Int64 stays exact as numeric"),
        (["-9223372036854775809"], .decimal, "one below Int64 stays exact as numeric"),
        (["123456789012345678901234567890"], .decimal, "huge integer as numeric"),
        (["007", "12"], .text, "leading zeros are codes"),
        ([String(repeating: "9", count: 131_072)], .decimal, "longest numeric integer part"),
        ([String(repeating: "9", count: 131_073)], .text, "longer than numeric holds"),
        (["0." + String(repeating: "1", count: 16_384)], .text, "fraction longer than numeric holds"),
        (["02134", "90210"], .text, "ZIP codes"),
        (["00"], .text, "double zero"),
        (["+5"], .text, "plus sign"),
        (["-0"], .text, "negative zero would read back as 0"),
        (["-0.00"], .text, "negative zero decimal would read back as 0.00"),
        (["1", nil, "3"], .integer, "NULLs do not count"),
        ([nil, nil], .text, "all NULL is text"),
        ([], .text, "no rows is text"),
        (["1.5", "2", "-0.25"], .decimal, "integers and decimals mix to numeric"),
        (["1.50", "0.001"], .decimal, "decimals keep scale"),
        (["0.5"], .decimal, "zero point five"),
        ([".5"], .text, "no leading digit"),
        (["5."], .text, "no fraction digit"),
        (["01.5"], .text, "leading zero decimal"),
        (["1e5"], .text, "exponent"),
        (["1E-3"], .text, "exponent upper case"),
        (["NaN"], .text, "NaN"),
        (["Infinity"], .text, "Infinity"),
        (["1,000"], .text, "thousands separator (quoted)"),
        ([" 1"], .text, "leading space"),
        (["1 "], .text, "trailing space"),
        (["1", "x"], .text, "mixed"),
        (["true", "FALSE", "True"], .boolean, "booleans any case"),
        (["true", nil], .boolean, "boolean with NULL"),
        (["0", "1"], .integer, "0/1 are integers, not booleans"),
        (["yes", "no"], .text, "yes/no are text"),
        (["t", "f"], .text, "t/f are text"),
        (["true", "1"], .text, "boolean mixed with integer"),
        (["truex"], .text, "five letters not false"),
        (["2024-01-31", "2024-02-29"], .date, "dates (leap day)"),
        (["2023-02-29"], .text, "not a leap year"),
        (["1900-02-29"], .text, "century not leap"),
        (["2000-02-29"], .date, "400-year leap"),
        (["2024-04-31"], .text, "April has 30 days"),
        (["2024-13-01"], .text, "month 13"),
        (["0000-01-01"], .text, "year zero"),
        (["2024-1-5"], .text, "unpadded"),
        (["2024/01/05"], .text, "slashes"),
        (["01/05/2024"], .text, "US style"),
        (["2024-01-05", "x"], .text, "date mixed with text"),
        (["2024-01-05", "2024-01-05 10:00:00"], .text, "date mixed with timestamp"),
        (["2024-01-05 10:00:00", "2024-01-05T23:59:59.123456"], .timestamp, "timestamps, space or T"),
        (["2024-01-05 10:00:00.1"], .timestamp, "one fraction digit"),
        (["2024-01-05 10:00:00.1234567"], .text, "seven fraction digits"),
        (["2024-01-05 10:00"], .text, "no seconds"),
        (["2024-01-05 24:00:00"], .text, "hour 24"),
        (["2024-01-05 10:60:00"], .text, "minute 60"),
        (["2024-01-05 10:00:60"], .text, "leap second"),
        (["2024-01-05 10:00:00Z", "2024-01-05T10:00:00+02:00", "2024-01-05 10:00:00.5-05:30"], .timestampWithTimeZone, "offsets"),
        (["2024-01-05 10:00:00", "2024-01-05 10:00:00Z"], .text, "offsets not consistent"),
        (["2024-01-05 10:00:00+0200"], .text, "offset without colon"),
        (["2024-01-05 10:00:00+02"], .text, "offset hours only"),
        (["2024-01-05 10:00:00 UTC"], .text, "zone name"),
        (["2024-01-05 10:00:00z"], .text, "lower-case z"),
        (["2024-01-05 10:00:00+16:00"], .text, "offset out of range"),
        (["say \"hi\""], .text, "text with quotes"),
        (["2024-01-05x"], .text, "trailing garbage after a date"),
    ]

    func testCases() throws {
        for (values, expected, why) in cases {
            let text = "c\n" + values.map(Self.csvField).joined(separator: "\n") + "\n"
            // A second, always-filled column keeps rows with an empty `c` from being blank lines.
            let twoColumns = "c,k\n" + values.map { Self.csvField($0) + ",k" }.joined(separator: "\n") + "\n"
            for input in [text, twoColumns] where !(input == text && values.contains(nil)) {
                do {
                    let table = try SeedTable(bytes: Array(input.utf8), path: "seeds/c.csv")
                    XCTAssertEqual(table.columns[0].type, expected, "\(why): \(values)")
                } catch {
                    XCTFail("\(why): unexpected error \(error)")
                }
            }
        }
    }

    /// `value` as a CSV field: quoted when it contains a comma, a quote or a space; empty for nil.
    static func csvField(_ value: String?) -> String {
        guard let value else { return "" }
        if value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == " " || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    func testQuotedValuesInferLikeUnquoted() throws {
        let table = try SeedTable(bytes: Array("a,b\n\"1\",\"2024-01-01\"\n".utf8), path: "seeds/q.csv")
        XCTAssertEqual(table.columns.map(\.type), [.integer, .date])
    }

    func testSQLTypeNames() {
        let table: [(SeedColumnType, postgres: String, sqlite: String)] = [
            (.integer, "bigint", "integer"),
            (.decimal, "numeric", "numeric"),
            (.boolean, "boolean", "integer"),
            (.date, "date", "text"),
            (.timestamp, "timestamp", "text"),
            (.timestampWithTimeZone, "timestamptz", "text"),
            (.text, "text", "text"),
            (.custom("varchar(10)"), "varchar(10)", "varchar(10)"),
        ]
        for (type, postgres, sqlite) in table {
            XCTAssertEqual(type.sqlType(for: .postgres), postgres, "\(type)")
            XCTAssertEqual(type.sqlType(for: .sqlite), sqlite, "\(type)")
        }
    }

    func testTrickyFixture() throws {
        let table = try SeedTable(bytes: Fixture.bytes("tricky"), path: "seeds/tricky.csv")
        let types = Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.type) })
        XCTAssertEqual(types["id"], .integer)
        XCTAssertEqual(types["zip"], .text)
        XCTAssertEqual(types["price"], .decimal)
        XCTAssertEqual(types["active"], .boolean)
        XCTAssertEqual(types["born"], .date)
        XCTAssertEqual(types["seen_at"], .timestampWithTimeZone)
        XCTAssertEqual(types["note"], .text)
        XCTAssertEqual(types["empty"], .text)
        XCTAssertEqual(table.rowCount, 4)
        let rows = try table.records()
        XCTAssertEqual(rows[0], ["1", "02134", "9.90", "true", "1990-01-31", "2024-01-05T10:00:00Z", "plain", nil])
        XCTAssertEqual(rows[1][6], "Smith, \"Jay\"\r\nsecond line")
        XCTAssertEqual(rows[2][1], "00007")
        XCTAssertEqual(rows[2][6], "Ünïcödé 東京 🎉")
        XCTAssertEqual(rows[3], ["4", nil, nil, nil, nil, nil, nil, nil])
    }
}
