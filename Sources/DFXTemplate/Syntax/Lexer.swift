import DFXBasics

/// Splits template source into tokens: text, tag delimiters, and expression tokens inside tags.
///
/// Applies Jinja2's whitespace control (`{%-`, `-%}`, `{{-`, `-}}`, `{#-`, `-#}`), skips comments,
/// passes `{% raw %}` content through as text, and removes a single trailing newline.
struct Lexer {
    /// The source's bytes, read in place from its text while `tokenize` runs (empty otherwise).
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    let source: SourceFile
    private(set) var tokens: [Token] = []
    private var position = 0
    private var stripNextData = false

    init(source: SourceFile) {
        self.source = source
    }

    private static let lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}"), percent = UInt8(ascii: "%")
    private static let hash = UInt8(ascii: "#"), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+")

    mutating func tokenize() throws -> [Token] {
        // The text's own storage, not a copy of it (every model of a project is compiled).
        var text = source.text
        return try text.withUTF8 { utf8 throws -> [Token] in
            // keep_trailing_newline=False: one trailing newline is not part of the template.
            bytes = utf8.last == UInt8(ascii: "\n") ? UnsafeBufferPointer(rebasing: utf8[..<(utf8.count - 1)]) : utf8
            defer { bytes = UnsafeBufferPointer(start: nil, count: 0) }
            tokens.reserveCapacity(bytes.count / 8 + 4)
            while position < bytes.count {
                try lexData()
            }
            tokens.append(Token(kind: .end, start: bytes.count, end: bytes.count))
            return tokens
        }
    }

    private func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private mutating func emitData(_ start: Int, _ end: Int, stripEnd: Bool) {
        var lower = start
        var upper = end
        if stripNextData { while lower < upper, isSpace(bytes[lower]) { lower += 1 } }
        stripNextData = false
        if stripEnd { while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 } }
        if lower < upper { tokens.append(Token(kind: .data, start: lower, end: upper)) }
    }

    private mutating func lexData() throws {
        let start = position
        // Template text is most of a model: jump from one `{` to the next, eight bytes at a time.
        var index = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        var from = position
        while let brace = ByteSearch.firstIndex(of: Lexer.lbrace, in: raw, from: from), brace + 1 < raw.count {
            let next = raw[brace + 1]
            if next == Lexer.lbrace || next == Lexer.percent || next == Lexer.hash {
                index = brace
                break
            }
            from = brace + 1
        }
        if index + 1 >= bytes.count {
            emitData(start, bytes.count, stripEnd: false)
            position = bytes.count
            return
        }
        let kind = bytes[index + 1]
        let stripBefore = byte(index + 2) == Lexer.minus
        let tagStart = index
        if kind == Lexer.hash {
            emitData(start, index, stripEnd: stripBefore)
            try skipComment(from: index)
            return
        }
        if kind == Lexer.percent, let rawEnd = try lexRaw(at: index, dataStart: start, stripBefore: stripBefore) {
            position = rawEnd
            return
        }
        emitData(start, index, stripEnd: stripBefore)
        position = index + 2
        if stripBefore || byte(position) == Lexer.plus { position += 1 }
        let isBlock = kind == Lexer.percent
        tokens.append(Token(kind: isBlock ? .blockBegin : .variableBegin, start: tagStart, end: position))
        try lexTag(isBlock: isBlock, openedAt: tagStart)
    }

    private mutating func skipComment(from start: Int) throws {
        var index = start + 2
        while index + 1 < bytes.count {
            if bytes[index] == Lexer.hash, bytes[index + 1] == Lexer.rbrace {
                stripNextData = index > start + 2 && bytes[index - 1] == Lexer.minus
                position = index + 2
                return
            }
            index += 1
        }
        throw SyntaxError("unclosed comment: missing '#}'", at: start, length: 2)
    }

    /// Recognises `{% raw %}`; returns the position after `{% endraw %}`, or nil if not a raw tag.
    private mutating func lexRaw(at tagStart: Int, dataStart: Int, stripBefore: Bool) throws -> Int? {
        var index = tagStart + 2
        if byte(index) == Lexer.minus || byte(index) == Lexer.plus { index += 1 }
        while let current = byte(index), isSpace(current) { index += 1 }
        guard matchWord("raw", at: index) else { return nil }
        index += 3
        while let current = byte(index), isSpace(current) { index += 1 }
        var stripInside = false
        if byte(index) == Lexer.minus { stripInside = true; index += 1 }
        guard byte(index) == Lexer.percent, byte(index + 1) == Lexer.rbrace else { return nil }
        emitData(dataStart, tagStart, stripEnd: stripBefore)
        let contentStart = index + 2
        // Find {%[-+]? endraw [-]?%}
        var search = contentStart
        while search + 1 < bytes.count {
            if bytes[search] == Lexer.lbrace, bytes[search + 1] == Lexer.percent {
                var probe = search + 2
                let stripEnd = byte(probe) == Lexer.minus
                if stripEnd || byte(probe) == Lexer.plus { probe += 1 }
                while let current = byte(probe), isSpace(current) { probe += 1 }
                if matchWord("endraw", at: probe) {
                    probe += 6
                    while let current = byte(probe), isSpace(current) { probe += 1 }
                    var stripAfter = false
                    if byte(probe) == Lexer.minus { stripAfter = true; probe += 1 }
                    if byte(probe) == Lexer.percent, byte(probe + 1) == Lexer.rbrace {
                        stripNextData = stripInside
                        emitData(contentStart, search, stripEnd: stripEnd)
                        stripNextData = stripAfter
                        return probe + 2
                    }
                }
            }
            search += 1
        }
        throw SyntaxError("unclosed 'raw' block: missing '{% endraw %}'", at: tagStart, length: index + 2 - tagStart)
    }

    private func matchWord(_ word: StaticString, at index: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { utf8 in
            for offset in 0..<count where bytes[index + offset] != utf8[offset] { return false }
            return true
        }
        if !matches { return false }
        if let after = byte(index + count), isIdentifierByte(after) { return false }
        return true
    }

    private func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte >= 0x80
    }

    private mutating func lexTag(isBlock: Bool, openedAt: Int) throws {
        let closer = isBlock ? Lexer.percent : Lexer.rbrace
        var depth = 0
        while true {
            while let current = byte(position), isSpace(current) { position += 1 }
            guard let current = byte(position) else {
                let what = isBlock ? "'%}'" : "'}}'"
                throw SyntaxError("unclosed tag: missing \(what)", at: openedAt, length: 2)
            }
            // End of tag: `%}`/`}}`, optionally preceded by `-` or `+`.
            if depth == 0 {
                var probe = position
                var strip = false
                if current == Lexer.minus || current == Lexer.plus {
                    strip = current == Lexer.minus
                    probe += 1
                }
                if byte(probe) == closer, byte(probe + 1) == Lexer.rbrace {
                    stripNextData = strip
                    tokens.append(Token(kind: isBlock ? .blockEnd : .variableEnd, start: position, end: probe + 2))
                    position = probe + 2
                    return
                }
            }
            let token = try lexExpressionToken()
            if token.key & Token.symbolFlag != 0 {
                switch token.key {
                case Token.symbolKey("("), Token.symbolKey("["), Token.symbolKey("{"): depth += 1
                case Token.symbolKey(")"), Token.symbolKey("]"), Token.symbolKey("}"): depth = max(0, depth - 1)
                default: break
                }
            }
            tokens.append(token)
        }
    }

    /// `//`, `**`, `==`, `!=`, `<=`, `>=` as string literals (no string is built or hashed per token).
    private static func twoCharSymbol(_ first: UInt8, _ second: UInt8) -> String? {
        switch (first, second) {
        case (UInt8(ascii: "/"), UInt8(ascii: "/")): "//"
        case (UInt8(ascii: "*"), UInt8(ascii: "*")): "**"
        case (UInt8(ascii: "="), UInt8(ascii: "=")): "=="
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): "!="
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): "<="
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): ">="
        default: nil
        }
    }

    /// The one-character operators and punctuation, as string literals.
    private static func oneCharSymbol(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "+"): "+"
        case UInt8(ascii: "-"): "-"
        case UInt8(ascii: "*"): "*"
        case UInt8(ascii: "/"): "/"
        case UInt8(ascii: "%"): "%"
        case UInt8(ascii: "~"): "~"
        case UInt8(ascii: "("): "("
        case UInt8(ascii: ")"): ")"
        case UInt8(ascii: "["): "["
        case UInt8(ascii: "]"): "]"
        case UInt8(ascii: "{"): "{"
        case UInt8(ascii: "}"): "}"
        case UInt8(ascii: ","): ","
        case UInt8(ascii: "."): "."
        case UInt8(ascii: ":"): ":"
        case UInt8(ascii: "|"): "|"
        case UInt8(ascii: "="): "="
        case UInt8(ascii: "<"): "<"
        case UInt8(ascii: ">"): ">"
        default: nil
        }
    }

    private mutating func lexExpressionToken() throws -> Token {
        let start = position
        let current = bytes[position]
        if isIdentifierByte(current), !(current >= 0x30 && current <= 0x39) {
            var index = position
            while let next = byte(index), isIdentifierByte(next) { index += 1 }
            position = index
            return Token(
                kind: .name(String(decoding: bytes[start..<index], as: UTF8.self)), start: start, end: index,
                key: Token.packed(bytes[start..<index]))
        }
        if current >= 0x30 && current <= 0x39 { return try lexNumber() }
        if current == UInt8(ascii: "'") || current == UInt8(ascii: "\"") { return try lexString() }
        if position + 1 < bytes.count, let pair = Lexer.twoCharSymbol(current, bytes[position + 1]) {
            position += 2
            return Token(kind: .symbol(pair), start: start, end: position, key: Token.packed(bytes[start..<position]) | Token.symbolFlag)
        }
        if let symbol = Lexer.oneCharSymbol(current) {
            position += 1
            return Token(kind: .symbol(symbol), start: start, end: position, key: UInt64(current) | Token.symbolFlag)
        }
        throw SyntaxError("unexpected character '\(String(decoding: [current], as: UTF8.self))'", at: start, length: 1)
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x30 && byte <= 0x39
    }

    private mutating func lexNumber() throws -> Token {
        let start = position
        var index = position
        func digits() { while let next = byte(index), isDigit(next) || next == 0x5F { index += 1 } }
        digits()
        var isFloat = false
        let afterDot = start > 0 && bytes[start - 1] == UInt8(ascii: ".")
        if !afterDot {
            if byte(index) == UInt8(ascii: "."), isDigit(byte(index + 1)) {
                isFloat = true
                index += 1
                digits()
            }
            if byte(index) == UInt8(ascii: "e") || byte(index) == UInt8(ascii: "E") {
                var probe = index + 1
                if byte(probe) == UInt8(ascii: "+") || byte(probe) == UInt8(ascii: "-") { probe += 1 }
                if isDigit(byte(probe)) {
                    isFloat = true
                    index = probe
                    digits()
                }
            }
        }
        position = index
        let text = String(decoding: bytes[start..<index].filter { $0 != 0x5F }, as: UTF8.self)
        if isFloat {
            guard let value = Double(text) else { throw SyntaxError("invalid number '\(text)'", at: start, length: index - start) }
            return Token(kind: .float(value), start: start, end: index)
        }
        guard let value = Int(text) else {
            throw SyntaxError("integer literal '\(text)' is too large", at: start, length: index - start)
        }
        return Token(kind: .integer(value), start: start, end: index)
    }

    private mutating func lexString() throws -> Token {
        let start = position
        let quote = bytes[position]
        var index = position + 1
        // Most literals have no escapes: one scan to the closing quote, one decode.
        while index < bytes.count, bytes[index] != quote, bytes[index] != UInt8(ascii: "\\") { index += 1 }
        if index < bytes.count, bytes[index] == quote {
            position = index + 1
            return Token(kind: .string(String(decoding: bytes[(start + 1)..<index], as: UTF8.self)), start: start, end: position)
        }
        index = position + 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            if !raw.isEmpty {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
        }
        while true {
            guard let current = byte(index) else {
                throw SyntaxError("unterminated string literal", at: start, length: 1)
            }
            if current == quote { break }
            if current == UInt8(ascii: "\\"), let next = byte(index + 1) {
                flush()
                index += 2
                switch next {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "0"): scalars.append("\0")
                case UInt8(ascii: "a"): scalars.append("\u{07}")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "v"): scalars.append("\u{0B}")
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): scalars.append(UnicodeScalar(next))
                case UInt8(ascii: "\n"): break
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = next == UInt8(ascii: "x") ? 2 : next == UInt8(ascii: "u") ? 4 : 8
                    guard index + count <= bytes.count,
                        let code = UInt32(String(decoding: bytes[index..<index + count], as: UTF8.self), radix: 16),
                        let scalar = UnicodeScalar(code)
                    else { throw SyntaxError("invalid escape sequence in string", at: index - 2, length: 2) }
                    scalars.append(scalar)
                    index += count
                default:
                    scalars.append("\\")
                    raw.append(next)
                }
                continue
            }
            raw.append(current)
            index += 1
        }
        flush()
        position = index + 1
        return Token(kind: .string(String(scalars)), start: start, end: position)
    }
}
