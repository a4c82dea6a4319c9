import DFXBasics
import DFXSeed
import DFXTestSupport
import XCTest

/// Random CSV-ish inputs (quotes, delimiters, CR, LF, tabs, backslashes, multi-byte and invalid
/// bytes): reading never traps or hangs, every failure is a located diagnostic, and whatever reads
/// successfully survives the COPY round trip and gives one SQLite value per column.
final class RandomInputTests: XCTestCase {
    private let alphabet: [[UInt8]] = [
        [UInt8(ascii: "\"")], [UInt8(ascii: ",")], [UInt8(ascii: ";")], [UInt8(ascii: "\n")], [UInt8(ascii: "\r")],
        [UInt8(ascii: "\t")], [UInt8(ascii: "\\")], [UInt8(ascii: "a")], [UInt8(ascii: "1")], [UInt8(ascii: "0")],
        [UInt8(ascii: "-")], [UInt8(ascii: ".")], [UInt8(ascii: " ")], Array("é".utf8), Array("🎉".utf8), [0xFF], [0],
        Array("true".utf8), Array("2024-01-05".utf8), [0xEF, 0xBB, 0xBF],
    ]

    func testRandomInputs() throws {
        var generator = SplitMix(seed: 2026)
        var parsed = 0
        for iteration in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<60, using: &generator) {
                // Weighted towards plain data so that some inputs parse.
                let pick = Int.random(in: 0..<(alphabet.count * 2), using: &generator)
                bytes += pick < alphabet.count ? alphabet[pick] : [UInt8(ascii: "x")]
            }
            let delimiter = iteration % 3 == 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
            do {
                let table = try SeedTable(bytes: bytes, path: "seeds/r.csv", options: SeedOptions(delimiter: delimiter))
                parsed += 1
                let records = try table.records()
                XCTAssertEqual(records.count, table.rowCount)
                XCTAssertEqual(try CopyTextDecoder.decode(table.copyText()), records, "input \(bytes)")
                try table.forEachRow { XCTAssertEqual($0.count, table.columns.count) }
            } catch {
                XCTAssertTrue(error is DiagnosticError, "not a diagnostic for \(bytes): \(error)")
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix("seeds/r.csv:"), "unlocated error for \(bytes): \(text)")
            }
        }
        XCTAssertGreaterThan(parsed, 300, "too few random inputs parsed to exercise the round trip")
    }
}
