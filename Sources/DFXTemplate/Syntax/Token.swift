/// One lexical token of a template, with its byte range in the source.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Literal text between tags, the token's byte range (whitespace control already applied).
        case data
        case variableBegin, variableEnd, blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        /// Punctuation and operators: `+`, `//`, `==`, `(` ...
        case symbol(String)
        case end
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// A name's or symbol's text of at most 8 bytes packed into an integer (`packed`), symbols
    /// with the top bit set; 0 for longer names and other kinds. The parser tests for keywords and
    /// punctuation by comparing this, not strings.
    var key: UInt64 = 0

    var isEnd: Bool { kind == .end }

    /// Up to 8 bytes, little-endian; 0 when there are more.
    @inline(__always)
    static func packed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        guard bytes.count <= 8 else { return 0 }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            key |= UInt64(byte) &<< shift
            shift += 8
        }
        return key
    }

    /// The key of a name token spelled `text` (0 when longer than 8 bytes).
    @inline(__always)
    static func nameKey(_ text: StaticString) -> UInt64 {
        guard text.utf8CodeUnitCount <= 8 else { return 0 }
        return text.withUTF8Buffer { utf8 in
            var key: UInt64 = 0
            for (offset, byte) in utf8.enumerated() { key |= UInt64(byte) &<< UInt64(offset * 8) }
            return key
        }
    }

    /// The key of a symbol token spelled `text`.
    @inline(__always)
    static func symbolKey(_ text: StaticString) -> UInt64 { nameKey(text) | symbolFlag }

    static let symbolFlag: UInt64 = 1 << 63
}

extension Token.Kind {
    /// A short description for "expected X, found Y" messages.
    var describe: String {
        switch self {
        case .data: return "template text"
        case .variableBegin: return "'{{'"
        case .variableEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let name): return "'\(name)'"
        case .string: return "string literal"
        case .integer, .float: return "number"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "end of template"
        }
    }
}
