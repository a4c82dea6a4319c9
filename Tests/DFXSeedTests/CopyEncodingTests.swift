import DFXSeed
import XCTest

/// PostgreSQL COPY text format: exact bytes for the escapes, and a round trip through a decoder that
/// follows PostgreSQL's rules (backslash escapes, `\N` for NULL, tab and LF as separators).
final class CopyEncodingTests: XCTestCase {
    private let values: [(String?, String)] = [
        ("plain", "plain"),
        (nil, "\\N"),
        ("back\\slash", "back\\\\slash"),
        ("\\N", "\\\\N"),
        ("\\.", "\\\\."),
        ("tab\there", "tab\\there"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nend", "crlf\\r\\nend"),
        ("say \"hi\"", "say \"hi\""),
        ("a,b", "a,b"),
        ("Ünïcödé 東京 🎉", "Ünïcödé 東京 🎉"),
        ("\\t literally", "\\\\t literally"),
        ("'single'", "'single'"),
    ]

    private var csv: String {
        "v,k\n" + values.map { TypeInferenceTests.csvField($0.0) + ",k" }.joined(separator: "\n") + "\n"
    }

    func testExactBytes() throws {
        let table = try SeedTable(bytes: Array(csv.utf8), path: "seeds/v.csv")
        XCTAssertEqual(try table.records().map { $0[0] }, values.map(\.0))
        let expected = values.map { $0.1 + "\tk\n" }.joined()
        XCTAssertEqual(String(decoding: try table.copyText(), as: UTF8.self), expected)
    }

    func testRoundTrip() throws {
        let table = try SeedTable(bytes: Fixture.bytes("tricky"), path: "seeds/tricky.csv")
        let decoded = try CopyTextDecoder.decode(table.copyText())
        XCTAssertEqual(decoded, try table.records())
        XCTAssertEqual(decoded.count, 4)
    }

    func testChunksEndAtRowBoundaries() throws {
        let text = "n,s\n" + (1...500).map { "\($0),\"row\n\($0)\"" }.joined(separator: "\n") + "\n"
        let table = try SeedTable(bytes: Array(text.utf8), path: "seeds/n.csv")
        var chunks: [[UInt8]] = []
        try table.copyText(chunkSize: 100) { chunks.append($0) }
        XCTAssertGreaterThan(chunks.count, 10)
        for chunk in chunks { XCTAssertEqual(chunk.last, UInt8(ascii: "\n")) }
        XCTAssertEqual(chunks.flatMap { $0 }, try table.copyText())
        XCTAssertEqual(try CopyTextDecoder.decode(chunks.flatMap { $0 }), try table.records())
    }

    func testEmptySeedSendsNothing() throws {
        let table = try SeedTable(bytes: Array("a,b\n".utf8), path: "seeds/e.csv")
        var calls = 0
        try table.copyText { _ in calls += 1 }
        XCTAssertEqual(calls, 0)
    }
}

/// PostgreSQL's COPY text-format reader, for the round trip (the escapes dfx writes, plus `\b \f \v`).
enum CopyTextDecoder {
    struct Malformed: Error {}

    static func decode(_ bytes: [UInt8]) throws -> [[String?]] {
        var rows: [[String?]] = []
        var row: [String?] = []
        var field: [UInt8] = []
        var isNull = false
        var index = 0
        func endField() {
            row.append(isNull ? nil : String(decoding: field, as: UTF8.self))
            field.removeAll()
            isNull = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\t"): endField()
            case UInt8(ascii: "\n"):
                endField()
                rows.append(row)
                row.removeAll()
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Malformed() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "N"): isNull = true
                case UInt8(ascii: "t"): field.append(9)
                case UInt8(ascii: "n"): field.append(10)
                case UInt8(ascii: "r"): field.append(13)
                case UInt8(ascii: "b"): field.append(8)
                case UInt8(ascii: "f"): field.append(12)
                case UInt8(ascii: "v"): field.append(11)
                default: field.append(escaped)
                }
            default: field.append(byte)
            }
        }
        guard row.isEmpty, field.isEmpty else { throw Malformed() }
        return rows
    }
}
