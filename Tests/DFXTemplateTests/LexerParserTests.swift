import XCTest

import DFXBasics
@testable import DFXTemplate

final class LexerParserTests: XCTestCase {
    func tokens(_ source: String) throws -> [Token.Kind] {
        var lexer = Lexer(source: SourceFile(path: "t", text: source))
        return try lexer.tokenize().map(\.kind)
    }

    /// The text of each data token: its byte range of the source.
    func dataTexts(_ source: String) throws -> [String] {
        var lexer = Lexer(source: SourceFile(path: "t", text: source))
        return try lexer.tokenize().filter { $0.kind == .data }.map { String(decoding: Array(source.utf8)[$0.start..<$0.end], as: UTF8.self) }
    }

    func testLexerTokens() throws {
        XCTAssertEqual(
            try tokens("a{{ x.y|f(1, 'b') }}c"),
            [
                .data, .variableBegin, .name("x"), .symbol("."), .name("y"), .symbol("|"), .name("f"),
                .symbol("("), .integer(1), .symbol(","), .string("b"), .symbol(")"), .variableEnd, .data,
                .end,
            ])
        XCTAssertEqual(try dataTexts("a{{ x.y|f(1, 'b') }}c"), ["a", "c"])
        // Whitespace control narrows the range; a trailing newline is not part of the template.
        XCTAssertEqual(try dataTexts("a  {{- x -}}\n  b {%- if y %} c{% endif %}\n"), ["a", "b", " c"])
        XCTAssertEqual(try tokens("{{ 1_000 }}{{ 1.5e3 }}{{ x.0 }}"), [
            .variableBegin, .integer(1000), .variableEnd, .variableBegin, .float(1500), .variableEnd,
            .variableBegin, .name("x"), .symbol("."), .integer(0), .variableEnd, .end,
        ])
        XCTAssertEqual(try tokens("{{ a // b ** c != d }}"), [
            .variableBegin, .name("a"), .symbol("//"), .name("b"), .symbol("**"), .name("c"), .symbol("!="), .name("d"),
            .variableEnd, .end,
        ])
        XCTAssertEqual(try tokens("{{ '\\x41\\u00e9\\n\\q' }}"), [.variableBegin, .string("Aé\n\\q"), .variableEnd, .end])
        XCTAssertEqual(try tokens("{{ {'a': 1} }}"), [
            .variableBegin, .symbol("{"), .string("a"), .symbol(":"), .integer(1), .symbol("}"), .variableEnd, .end,
        ])
    }

    func testLexerErrors() {
        for (source, message) in [
            ("{{ 'abc }}", "unterminated string literal"), ("{# open", "unclosed comment"),
            ("{{ x", "unclosed tag"), ("{{ 99999999999999999999 }}", "too large"), ("{{ x ? y }}", "unexpected character"),
        ] {
            XCTAssertThrowsError(try tokens(source), source) { error in
                XCTAssertTrue((error as? SyntaxError)?.message.contains(message) == true, "\(source): \(error)")
            }
        }
    }

    /// The source file keeps the caller's text (CRLF turned into LF) and maps byte offsets to lines,
    /// scalar columns and line texts without a copy of the bytes.
    func testSourceFileLocationsAndLineEndings() {
        let file = SourceFile(path: "m.sql", text: "select 1\r\nfrom é {{ x }}\r\n")
        XCTAssertEqual(file.text, "select 1\nfrom é {{ x }}\n")
        XCTAssertEqual(file.bytes.count, file.text.utf8.count)
        XCTAssertEqual(String(decoding: file.bytes[9..<13], as: UTF8.self), "from")
        // "from é " is 8 bytes and 7 scalars: '{' is column 8 of line 2.
        XCTAssertEqual(file.location(17), SourceLocation(file: "m.sql", line: 2, column: 8))
        XCTAssertEqual(file.lines.lineText(2), "from é {{ x }}")
        XCTAssertEqual(file.lines.lineText(3), "")
        XCTAssertNil(file.lines.lineText(4))
        XCTAssertEqual(file.location(10_000).line, 3)
        let plain = "no line ending"
        XCTAssertEqual(SourceFile(path: "p", text: plain).text, plain)
        // A lone "\r" stays; a "\r\n" across an eight-byte boundary goes.
        XCTAssertEqual(SourceFile(path: "p", text: "a\rb\nc").text, "a\rb\nc")
        XCTAssertEqual(SourceFile(path: "p", text: "1234567\r\nabc").text, "1234567\nabc")
    }

    /// Line starts are found eight bytes at a time: the same as a byte-by-byte scan, whatever sits
    /// next to the newlines (a vertical tab, "Ċ" whose second byte is 0x8A, "\r", "é").
    func testLineStartsMatchAByteScan() {
        let pieces = ["a", "\n", "\u{0B}", "Ċ", "\r", "é", "{{ x }}", "\n\n", "select 1 from t"]
        for round in 0..<200 {
            // Deterministic mixes of the pieces, 0 to 59 of them.
            let text = (0..<(round % 60)).map { pieces[(round * 7 + $0 * 13 + $0 * $0) % pieces.count] }.joined()
            let bytes = Array(text.utf8)
            let expected = [UInt32(0)] + bytes.indices.filter { bytes[$0] == 0x0A }.map { UInt32($0 + 1) }
            let lines = SourceLines(text: text)
            XCTAssertEqual(lines.starts, expected, text.debugDescription)
            XCTAssertEqual(lines.hasCarriageReturnNewline, text.utf8.count != text.replacingOccurrences(of: "\r\n", with: "\n").utf8.count, text.debugDescription)
        }
    }

    func parse(_ source: String) throws -> (body: [Stmt], slots: Int) {
        let file = SourceFile(path: "t", text: source)
        var lexer = Lexer(source: file)
        var parser = Parser(file: file, tokens: try lexer.tokenize(), maxNesting: 100)
        let body = try parser.parseTemplate()
        return (body, parser.scope.slotCount)
    }

    func testSlotResolution() throws {
        // `x` outside, the loop variable, `loop`, and the loop's own `x`: four slots.
        let (body, slots) = try parse("{% set x = 1 %}{% for i in r %}{% set x = i %}{% endfor %}{{ x }}")
        XCTAssertEqual(slots, 4)
        guard case .output(let expr) = body.last, case .name(let ref) = expr.kind else { return XCTFail("no output") }
        XCTAssertEqual(ref.slot, 0, "the print after the loop reads the outer x")
        let (free, _) = try parse("{{ ref('a') }}")
        guard case .output(let call) = free.first, case .call(let callee, _) = call.kind, case .name(let name) = callee.kind
        else { return XCTFail("no call") }
        XCTAssertEqual(name.slot, -1, "names never assigned are looked up at run time")
    }

    /// One operand followed by the end of its expression is parsed without descending through the
    /// precedence levels; anything after it (an operator, filter, test, `if`) takes the full path.
    func testSimpleOperandsAndWhatFollowsThem() throws {
        let context: [String: Value] = [
            "f": .function(NativeFunction("f") { arguments in .string("f" + arguments.positional.map { $0.renderedString() }.joined(separator: ","))}),
            "d": .dict([("k", .list([.int(1), .int(2), .int(3)]))]), "x": .int(2),
        ]
        check([
            Case("{{ 'a' 'b' }}|{{ f('a', 1, 2.5, x) }}|{{ d.k[1] }}|{{ d['k'][0:2] }}|{{ d.k.0 }}", "ab|fa,1,2.5,2|2|[1, 2]|1", context),
            Case("{{ f(f('a')) ~ 'b' }}|{{ f('a') | upper }}|{{ f('a') is string }}|{{ f('a') if x else 'n' }}", "ffab|FA|True|fa", context),
            Case("{{ not x }}|{{ x + 1 }}|{{ [x, f(x)] }}|{{ {'a': f(x)}['a'] }}|{{ (x) }}|{{ f() }}", "False|3|[2, 'f2']|f2|2|f", context),
            Case("{{ f(x.) }}", "ERROR: t.sql:1:8: error: expected an attribute name after '.', found ')'\n 1 | {{ f(x.) }}\n   |        ^"),
        ])
        // The same tree either way: a call's span covers the callee through `)`.
        let (body, _) = try parse("{{ ref('a') }}")
        guard case .output(let call) = body.first else { return XCTFail("no output") }
        XCTAssertEqual(call.span.start, 3)
        XCTAssertEqual(call.span.start + call.span.length, 11)
        let deep = "{{ " + String(repeating: "f(", count: 300) + "1" + String(repeating: ")", count: 300) + " }}"
        XCTAssertTrue(render(deep, context).contains("nesting is too deep"))
    }

    func testOperatorPrecedence() {
        check([
            Case("{{ 1 + 2 * 3 - 4 / 2 }}|{{ 2 ** 3 ** 2 }}|{{ -2 ** 2 }}|{{ not 1 == 2 and 3 }}", "5.0|64|4|3"),
            Case("{{ 'a' ~ (1 + 2) }}|{{ [1, 2] | length + 1 }}|{{ 1 if 0 else 2 if 0 else 3 }}", "a3|3|3"),
            // `~` binds tighter than `+` in Jinja2, so this is ('a' ~ 1) + 2: a type error there too.
            Case("{{ 'a' ~ 1 + 2 }}", "ERROR: t.sql:1:4: error: cannot add 'str' and 'int'\n 1 | {{ 'a' ~ 1 + 2 }}\n   |    ^~~~~~~~~~~\n  hint: use '~' to join values as text, or convert with |string or |int"),
        ])
    }
}
