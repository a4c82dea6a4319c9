/// Parses tokens into statements, resolving variable names to frame slots as it goes.
struct Parser {
    let file: SourceFile
    var tokens: [Token]
    var index = 0
    var scope: FunctionScope
    let maxNesting: Int
    /// Whether macro definitions are also lowered to nodes (`TemplateLowering`).
    let lowerMacros: Bool
    var nesting = 0
    /// Top-level definitions, in order.
    var blocks: [ParsedBlock] = []
    /// Top-level macros (and tests) by name.
    var topLevelMacros: [String: MacroDefinition] = [:]
    /// How many macro definitions (macros, tests, `caller` bodies) this parse has made.
    var definedMacroCount = 0
    var blockDepth = 0

    init(file: SourceFile, tokens: [Token], maxNesting: Int, lowerMacros: Bool = false) {
        self.file = file
        self.tokens = tokens
        self.maxNesting = maxNesting
        self.lowerMacros = lowerMacros
        self.scope = FunctionScope(parent: nil)
    }

    // MARK: Token helpers

    var current: Token { tokens[min(index, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// The current token's `key` (read without copying the token).
    @inline(__always)
    var currentKey: UInt64 { tokens[min(index, tokens.count - 1)].key }

    @inline(__always)
    func isSymbol(_ symbol: StaticString) -> Bool {
        currentKey == Token.symbolKey(symbol)
    }

    @inline(__always)
    func isName(_ name: StaticString) -> Bool {
        if name.utf8CodeUnitCount <= 8 { return currentKey == Token.nameKey(name) }
        if case .name(let found) = current.kind { return found == name.description }
        return false
    }

    @inline(__always)
    mutating func skipSymbol(_ symbol: StaticString) -> Bool {
        if isSymbol(symbol) { index += 1; return true }
        return false
    }

    @inline(__always)
    mutating func skipName(_ name: StaticString) -> Bool {
        if isName(name) { index += 1; return true }
        return false
    }

    func error(_ message: String, _ token: Token? = nil, hint: String? = nil) -> SyntaxError {
        let token = token ?? current
        return SyntaxError(message, at: token.start, length: max(1, token.end - token.start), hint: hint)
    }

    mutating func expectSymbol(_ symbol: StaticString) throws {
        guard skipSymbol(symbol) else {
            throw error("expected '\(symbol)', found \(current.kind.describe)")
        }
    }

    mutating func expectName() throws -> (String, Token) {
        let token = current
        guard case .name(let name) = token.kind else {
            throw error("expected a name, found \(token.kind.describe)")
        }
        index += 1
        return (name, token)
    }

    mutating func expectBlockEnd() throws {
        guard case .blockEnd = current.kind else {
            throw error("expected end of statement '%}', found \(current.kind.describe)")
        }
        index += 1
    }

    mutating func enterNesting(_ token: Token) throws {
        nesting += 1
        if nesting > maxNesting {
            throw error("template nesting is too deep (more than \(maxNesting) levels)", token)
        }
    }

    /// `enterNesting` at the token at `tokenIndex`, read only when the limit is passed (the hot
    /// paths of the expression parser call this for every operand: no token copy).
    @inline(__always)
    mutating func enterNesting(at tokenIndex: Int) throws {
        nesting += 1
        if nesting > maxNesting {
            throw error("template nesting is too deep (more than \(maxNesting) levels)", tokens[min(tokenIndex, tokens.count - 1)])
        }
    }

    /// The byte offset where the current token starts (read without copying the token).
    var currentStart: Int { tokens[min(index, tokens.count - 1)].start }

    // MARK: Bodies

    /// Parses the whole template.
    mutating func parseTemplate() throws -> [Stmt] {
        let (body, _) = try parseBody(until: [], opener: nil, openerName: "")
        return body
    }

    /// Parses statements until one of `endTags` (returned, its `%}` not consumed) or the end.
    mutating func parseBody(until endTags: [String], opener: Token?, openerName: String) throws -> ([Stmt], String) {
        var body: [Stmt] = []
        while true {
            let token = current
            switch token.kind {
            case .end:
                if let opener {
                    let ending = endTags.sorted().first { $0.hasPrefix("end") } ?? "end\(openerName)"
                    throw SyntaxError(
                        "unclosed '\(openerName)' block: missing '{% \(ending) %}'", at: opener.start,
                        length: opener.end - opener.start,
                        hint: "add '{% \(ending) %}' where the block should end")
                }
                return (body, "")
            case .data:
                index += 1
                body.append(.text(TemplateText(file: file, start: token.start, end: token.end)))
            case .variableBegin:
                index += 1
                let expr = try parseTuple()
                guard case .variableEnd = current.kind else {
                    throw error("expected end of print statement '}}', found \(current.kind.describe)")
                }
                index += 1
                body.append(.output(expr))
            case .blockBegin:
                let nameToken = tokens[min(index + 1, tokens.count - 1)]
                guard case .name(let name) = nameToken.kind else {
                    throw error("expected a statement name after '{%', found \(nameToken.kind.describe)", nameToken)
                }
                if endTags.contains(name) {
                    index += 2
                    return (body, name)
                }
                index += 2
                if let statement = try parseStatement(name, tagToken: token, nameToken: nameToken, endTags: endTags) {
                    body.append(statement)
                }
            default:
                throw error("unexpected \(token.kind.describe)")
            }
        }
    }

    /// Parses a block's body up to its end tag and consumes the end tag's `%}`.
    mutating func parseBlockBody(_ name: String, opener: Token, extraEnds: [String] = []) throws -> ([Stmt], String) {
        try enterNesting(opener)
        defer { nesting -= 1 }
        let result = try parseBody(until: extraEnds + ["end" + name], opener: opener, openerName: name)
        if result.1 == "end" + name {
            // Jinja2 allows a name after some end tags ({% endmacro name %}); accept and ignore one.
            if case .name = current.kind { index += 1 }
            try expectBlockEnd()
        }
        return result
    }
}

/// A top-level definition found while parsing.
struct ParsedBlock {
    var kind: BlockDefinition.Kind
    var name: String
    var start: Int
    var length: Int
    var body: [Stmt]
    var rawText: String
}
