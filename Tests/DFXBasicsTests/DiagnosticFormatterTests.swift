import DFXBasics
import Foundation
import XCTest

final class DiagnosticFormatterTests: XCTestCase {
    func testHeadlineSourceLineCaretNotesAndHint() {
        let index = LineIndex("a: 1\n  tests: {}\n")
        let location = index.location(ofByteOffset: 7, file: "models/schema.yml")
        let diagnostic = Diagnostic(
            .error, "'tests' must be a list, found a mapping", at: location, length: 5,
            sourceLine: index.lineText(location.line), hint: "write each test as a list item",
            notes: ["in macro 'm' called at models/a.sql:1:4"])
        XCTAssertEqual(
            diagnostic.description,
            """
            models/schema.yml:2:3: error: 'tests' must be a list, found a mapping
             2 |   tests: {}
               |   ^~~~~
              note: in macro 'm' called at models/a.sql:1:4
              hint: write each test as a list item
            """)
    }

    func testTabsAreExpandedConsistentlyForTheCaret() {
        let diagnostic = Diagnostic(
            .warning, "w", at: SourceLocation(file: "f", line: 1, column: 2), length: 1, sourceLine: "\tx")
        XCTAssertEqual(diagnostic.description, "f:1:2: warning: w\n 1 |     x\n   |     ^")
    }

    func testDiagnosticWithoutLocation() {
        XCTAssertEqual(Diagnostic(.error, "no profile").description, "error: no profile")
    }
}

final class LineIndexTests: XCTestCase {
    func testOffsetsMapToLinesAndScalarColumns() {
        let index = LineIndex("ab\ncé d\n\nlast")
        XCTAssertEqual(index.lineAndColumn(ofByteOffset: 0).line, 1)
        XCTAssertEqual(index.lineAndColumn(ofByteOffset: 3).line, 2)
        // "cé " is 4 bytes; 'd' is the 4th scalar of line 2.
        XCTAssertEqual(index.lineAndColumn(ofByteOffset: 7).column, 4)
        XCTAssertEqual(index.lineAndColumn(ofByteOffset: 10).line, 4)
        XCTAssertEqual(index.lineText(2), "cé d")
        XCTAssertEqual(index.lineText(3), "")
        XCTAssertNil(index.lineText(5))
        XCTAssertEqual(index.lineAndColumn(ofByteOffset: 10_000).line, 4)
    }

    /// Line starts found eight bytes at a time agree with a byte-by-byte scan, whatever the line
    /// lengths (across word boundaries) and the neighbouring bytes (0x0B, 0x8A, 0x09 differ from
    /// '\n' by one bit or by borrow).
    func testLineStartsMatchAByteByByteScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x61, 0x62, 0x00, 0xFF, 0x0A]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
                var expected = [0]
                for (offset, byte) in bytes.enumerated() where byte == 0x0A { expected.append(offset + 1) }
                XCTAssertEqual(LineIndex(bytes: bytes).lineStarts, expected, "\(bytes)")
                for start in [0, 1, length / 2, length] {
                    let naive = bytes.indices.first { $0 >= start && bytes[$0] == 0x0B }
                    let found = bytes.withUnsafeBytes { ByteSearch.firstIndex(of: 0x0B, in: $0, from: start) }
                    XCTAssertEqual(found, naive, "\(bytes) from \(start)")
                }
            }
        }
    }
}

final class SuggestionsTests: XCTestCase {
    func testNearNamesAreSuggestedAndFarOnesAreNot() {
        let names = ["stg_orders", "stg_customers", "fct_orders", "dim_date"]
        XCTAssertEqual(Suggestions.nearest(to: "stg_order", in: names).first, "stg_orders")
        XCTAssertEqual(Suggestions.nearest(to: "zzz", in: names), [])
        XCTAssertEqual(Suggestions.hint(for: "dim_dat", in: names), "did you mean 'dim_date'?")
    }
}

final class JSONWriterTests: XCTestCase {
    func testEveryEscapeForm() {
        var writer = JSONWriter()
        writer.string("a\tb\rc\u{1F}d\u{0B}e\\\"\n")
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), #""a\tb\rc\u001fd\u000be\\\"\n""#)
    }

    /// The writer tests eight bytes at a time: every character that needs escaping, at every offset
    /// within and across words, next to multi-byte UTF-8, must come out as Foundation's decoder reads it.
    func testEscapesAtEveryOffsetRoundTrip() throws {
        let specials: [String] = ["\"", "\\", "\n", "\u{0}", "\u{1F}", "\t", "\u{7F}", "é", " ", "~", "!", "#", "[", "]"]
        for length in 0..<20 {
            for offset in 0..<max(1, length) {
                for special in specials {
                    var characters = Array(repeating: "x", count: length)
                    if length > 0 { characters[offset] = special }
                    let text = characters.joined() + "tail" + special
                    var writer = JSONWriter()
                    writer.beginArray(); writer.string(text); writer.endArray()
                    let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String]
                    XCTAssertEqual(decoded, [text], "length \(length), offset \(offset), special \(special.debugDescription)")
                }
            }
        }
    }

    /// Escaped strings are assembled in a 1 KB scratch buffer: runs longer than it, escapes piling
    /// up at its end and text crossing it many times must come out as the plain escaping gives.
    func testLongStringsAcrossTheScratchBuffer() throws {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let line = "select a, \"b\" from t where c = 'x\\y'\n"
        let texts = [
            String(repeating: "x", count: 5000) + "\n",
            "\n" + String(repeating: "y", count: 3000),
            String(repeating: "\n", count: 2000),
            String(repeating: "\u{1}", count: 700) + "tail",
            String(repeating: line, count: 300),
            String(repeating: "é\t", count: 900),
            String(repeating: "z", count: 1015) + "\n\n\n" + String(repeating: "z", count: 1017) + "\"",
        ]
        for text in texts {
            var writer = JSONWriter()
            writer.string(text)
            XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), reference(text), "text of \(text.utf8.count) bytes")
            var array = JSONWriter()
            array.beginArray(); array.string(text); array.endArray()
            XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(array.bytes)) as? [String], [text])
        }
    }

    func testCompactOutputEscapesAndNests() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a"); writer.string("q\"\\\n\u{1}é")
        writer.key("b"); writer.beginArray(); writer.int(1); writer.bool(true); writer.null(); writer.endArray()
        writer.key("c"); writer.value(.dict(["y": .double(1.5), "x": .list([])]))
        writer.key("d"); writer.beginObject(); writer.endObject()
        writer.endObject()
        XCTAssertEqual(
            String(decoding: writer.bytes, as: UTF8.self),
            #"{"a":"q\"\\\n\u0001é","b":[1,true,null],"c":{"x":[],"y":1.5},"d":{}}"#)
    }

    func testPrettyOutputIndents() {
        var writer = JSONWriter(pretty: true)
        writer.beginObject(); writer.key("a"); writer.beginArray(); writer.int(1); writer.int(2); writer.endArray()
        writer.key("b"); writer.double(2); writer.endObject()
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 2.0\n}")
    }
}

final class JSONWriterFragmentTests: XCTestCase {
    func testMembersWriterWritesWhatObjectMembersCutsOut() {
        var whole = JSONWriter()
        whole.beginObject()
        whole.dynamicKey("a"); whole.stringArray(["x", "y"])
        whole.key("b"); whole.beginObject(); whole.key("c"); whole.null(); whole.endObject()
        whole.endObject()
        var members = JSONWriter.members()
        members.dynamicKey("a"); members.stringArray(["x", "y"])
        members.key("b"); members.beginObject(); members.key("c"); members.null(); members.endObject()
        XCTAssertEqual(String(decoding: members.bytes, as: UTF8.self), #""a":["x","y"],"b":{"c":null}"#)
        XCTAssertEqual(members.bytes, whole.objectMembers())
        XCTAssertEqual(JSONWriter.members().bytes, [])
    }

    func testObjectMembersFromSeveralWritersJoinIntoOneObject() {
        func fragment(_ keys: [String]) -> [UInt8] {
            var part = JSONWriter()
            part.beginObject()
            for key in keys { part.dynamicKey(key); part.int(key.count) }
            part.endObject()
            return part.objectMembers()
        }
        var json = JSONWriter()
        json.beginObject()
        json.key("nodes")
        json.beginObject()
        json.rawMembers(fragment(["a", "bb"]))
        json.rawMembers(fragment([]))
        json.rawMembers(fragment(["ccc"]))
        json.endObject()
        json.key("after"); json.bool(true)
        json.endObject()
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), #"{"nodes":{"a":1,"bb":2,"ccc":3},"after":true}"#)
    }
}
