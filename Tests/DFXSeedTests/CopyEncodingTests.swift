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

    func testPulledChunksAreThePushedStream() throws {
        let text = "n,s,z\n" + (1...500).map { "\($0),\"say \"\"hi\"\"\ttab\n\($0)\",\($0 % 3 == 0 ? "" : "0\($0)")" }.joined(separator: "\r\n") + "\n"
        let table = try SeedTable(bytes: Array(text.utf8), path: "seeds/n.csv")
        var pushed: [[UInt8]] = []
        try table.copyText(chunkSize: 100) { pushed.append($0) }
        let pulled = try table.withCopyTextChunks(chunkSize: 100) { next in
            var chunks: [[UInt8]] = []
            while let chunk = try next() { chunks.append(chunk) }
            XCTAssertNil(try next(), "next() keeps returning nil at the end")
            return chunks
        }
        XCTAssertEqual(pulled, pushed)
        XCTAssertEqual(try CopyTextDecoder.decode(pulled.flatMap { $0 }), try table.records())
        let empty = try SeedTable(bytes: Array("a,b\n".utf8), path: "seeds/e.csv")
        XCTAssertNil(try empty.withCopyTextChunks { try $0() })
    }

    func testEmptySeedSendsNothing() throws {
        let table = try SeedTable(bytes: Array("a,b\n".utf8), path: "seeds/e.csv")
        var calls = 0
        try table.copyText { _ in calls += 1 }
        XCTAssertEqual(calls, 0)
    }
}
