import XCTest

import DFXBasics
@testable import DFXTemplate

final class LexerParserTests: XCTestCase {
    func tokens(_ source: String) throws -> [Token.Kind] {
        var lexer = Lexer(source: SourceFile(path: "t", text: source))
        return try lexer.tokenize().map(\.kind)
    }

    func testLexerTokens() throws {
        XCTAssertEqual(
            try tokens("a{{ x.y|f(1, 'b') }}c"),
            [
                .data(Array("a".utf8)), .variableBegin, .name("x"), .symbol("."), .name("y"), .symbol("|"), .name("f"),
                .symbol("("), .integer(1), .symbol(","), .string("b"), .symbol(")"), .variableEnd, .data(Array("c".utf8)),
                .end,
            ])
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

    func testOperatorPrecedence() {
        check([
            Case("{{ 1 + 2 * 3 - 4 / 2 }}|{{ 2 ** 3 ** 2 }}|{{ -2 ** 2 }}|{{ not 1 == 2 and 3 }}", "5.0|64|4|3"),
            Case("{{ 'a' ~ (1 + 2) }}|{{ [1, 2] | length + 1 }}|{{ 1 if 0 else 2 if 0 else 3 }}", "a3|3|3"),
            // `~` binds tighter than `+` in Jinja2, so this is ('a' ~ 1) + 2: a type error there too.
            Case("{{ 'a' ~ 1 + 2 }}", "ERROR: t.sql:1:4: error: cannot add 'str' and 'int'\n 1 | {{ 'a' ~ 1 + 2 }}\n   |    ^~~~~~~~~~~\n  hint: use '~' to join values as text, or convert with |string or |int"),
        ])
    }
}
