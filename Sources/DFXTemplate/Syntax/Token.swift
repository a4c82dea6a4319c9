/// One lexical token of a template, with its byte range in the source.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Literal text between tags (whitespace control already applied).
        case data([UInt8])
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

    var isEnd: Bool { kind == .end }
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
