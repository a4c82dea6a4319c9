import DFXBasics

extension Parser {
    /// An expression, or a tuple when followed by commas (`a, b`).
    mutating func parseTuple(allowConditional: Bool = true) throws -> Expr {
        let start = currentStart
        let first = allowConditional ? try parseExpression() : try parseOr()
        guard isSymbol(",") else { return first }
        var items = [first]
        while skipSymbol(",") {
            if isBlockEnd || isVariableEnd || isName("if") { break }
            items.append(allowConditional ? try parseExpression() : try parseOr())
        }
        return Expr(kind: .tuple(items), span: Span(start, tokens[max(0, index - 1)].end))
    }

    var isVariableEnd: Bool {
        if case .variableEnd = tokens[min(index, tokens.count - 1)].kind { return true }
        return false
    }

    /// A full expression including `a if c else b`.
    mutating func parseExpression() throws -> Expr {
        try enterNesting(at: index)
        defer { nesting -= 1 }
        // Most expressions in models are one operand (`'orders'`, `ref('orders')`, `var('x')`):
        // those skip the descent through every precedence level, building the same tree.
        if startsSimpleOperand { return try parsePostfix(try parsePrimary()) }
        var expr = try parseOr()
        while skipName("if") {
            let condition = try parseOr()
            var otherwise: Expr?
            if skipName("else") { otherwise = try parseExpression() }
            expr = Expr(kind: .conditional(condition, expr, otherwise), span: expr.span.through(condition.span))
        }
        return expr
    }

    /// Whether the tokens at `index` are one operand (a name or literal, then any calls, attributes
    /// and subscripts) directly followed by a token that ends an expression (`)`, `]`, `}`, `,`, `:`,
    /// `}}`, `%}`). Such an operand parses to what `parsePostfix(parsePrimary())` returns: no
    /// operator, filter, test or conditional follows it. Reads tokens only.
    private var startsSimpleOperand: Bool {
        let last = tokens.count - 1
        var position = min(index, last)
        switch tokens[position].kind {
        case .name: if tokens[position].key == Token.nameKey("not") { return false }
        case .integer, .float: break
        case .string:
            while position < last, case .string = tokens[position + 1].kind { position += 1 }
        default: return false
        }
        position += 1
        while position < last {
            let key = tokens[position].key
            if key == Token.symbolKey(".") {
                position += 2
            } else if key == Token.symbolKey("(") || key == Token.symbolKey("[") {
                var depth = 0
                repeat {
                    switch tokens[position].key {
                    case Token.symbolKey("("), Token.symbolKey("["), Token.symbolKey("{"): depth += 1
                    case Token.symbolKey(")"), Token.symbolKey("]"), Token.symbolKey("}"): depth -= 1
                    case 0:
                        switch tokens[position].kind {
                        case .variableEnd, .blockEnd, .end: return false
                        default: break
                        }
                    default: break
                    }
                    position += 1
                } while depth > 0 && position < last
                if depth > 0 { return false }
            } else {
                break
            }
        }
        guard position <= last else { return false }
        switch tokens[position].kind {
        case .variableEnd, .blockEnd, .end: return true
        case .symbol: break
        default: return false
        }
        switch tokens[position].key {
        case Token.symbolKey(")"), Token.symbolKey("]"), Token.symbolKey("}"), Token.symbolKey(","), Token.symbolKey(":"): return true
        default: return false
        }
    }

    mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        var depth = 0
        defer { nesting -= depth }
        while isName("or") {
            try enterNesting(at: index)
            depth += 1
            index += 1
            let right = try parseAnd()
            left = Expr(kind: .or(left, right), span: left.span.through(right.span))
        }
        return left
    }

    private mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        var depth = 0
        defer { nesting -= depth }
        while isName("and") {
            try enterNesting(at: index)
            depth += 1
            index += 1
            let right = try parseNot()
            left = Expr(kind: .and(left, right), span: left.span.through(right.span))
        }
        return left
    }

    private mutating func parseNot() throws -> Expr {
        if isName("not") {
            let token = current
            index += 1
            try enterNesting(token)
            defer { nesting -= 1 }
            let operand = try parseNot()
            return Expr(kind: .not(operand), span: Span(token.start, token.end).through(operand.span))
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> Expr {
        let left = try parseMath1()
        var rest: [(CompareOperator, Expr)] = []
        while true {
            var op: CompareOperator?
            if let found = Self.compareOperator(currentKey) {
                index += 1
                op = found
            } else if isName("in") {
                index += 1
                op = .contains
            } else if isName("not"), case .name("in") = tokens[min(index + 1, tokens.count - 1)].kind {
                index += 2
                op = .notContains
            }
            guard let op else { break }
            if rest.count > maxNesting { throw error("comparison chain is too long") }
            rest.append((op, try parseMath1()))
        }
        if rest.isEmpty { return left }
        return Expr(kind: .compare(left, rest), span: left.span.through(rest[rest.count - 1].1.span))
    }

    /// The binary operators of one precedence level, looked up without building a table per call
    /// (the parser runs this for every operand of every expression).
    private enum OperatorLevel {
        case additive, concatenation, multiplicative, power

        /// The operator a token stands for at this level (by the token's `key`: no string compares).
        func binaryOperator(_ key: UInt64) -> BinaryOperator? {
            guard key & Token.symbolFlag != 0 else { return nil }
            switch self {
            case .additive: return key == Token.symbolKey("+") ? .add : key == Token.symbolKey("-") ? .subtract : nil
            case .concatenation: return key == Token.symbolKey("~") ? .concat : nil
            case .multiplicative:
                switch key {
                case Token.symbolKey("*"): return .multiply
                case Token.symbolKey("/"): return .divide
                case Token.symbolKey("//"): return .floorDivide
                case Token.symbolKey("%"): return .modulo
                default: return nil
                }
            case .power: return key == Token.symbolKey("**") ? .power : nil
            }
        }
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=` by the token's `key`.
    private static func compareOperator(_ key: UInt64) -> CompareOperator? {
        guard key & Token.symbolFlag != 0 else { return nil }
        switch key {
        case Token.symbolKey("=="): return .equal
        case Token.symbolKey("!="): return .notEqual
        case Token.symbolKey("<"): return .less
        case Token.symbolKey("<="): return .lessEqual
        case Token.symbolKey(">"): return .greater
        case Token.symbolKey(">="): return .greaterEqual
        default: return nil
        }
    }

    private mutating func parseBinaryLevel(
        _ level: OperatorLevel, next: (inout Parser) throws -> Expr
    ) throws -> Expr {
        var left = try next(&self)
        var depth = 0
        defer { nesting -= depth }
        while let op = level.binaryOperator(currentKey) {
            try enterNesting(at: index)
            depth += 1
            index += 1
            let right = try next(&self)
            left = Expr(kind: .binary(op, left, right), span: left.span.through(right.span))
        }
        return left
    }

    private mutating func parseMath1() throws -> Expr {
        try parseBinaryLevel(.additive) { try $0.parseConcat() }
    }

    private mutating func parseConcat() throws -> Expr {
        try parseBinaryLevel(.concatenation) { try $0.parseMath2() }
    }

    private mutating func parseMath2() throws -> Expr {
        try parseBinaryLevel(.multiplicative) { try $0.parsePow() }
    }

    private mutating func parsePow() throws -> Expr {
        try parseBinaryLevel(.power) { try $0.parseUnary(withFilter: true) }
    }

    private mutating func parseUnary(withFilter: Bool) throws -> Expr {
        var expr: Expr
        if isSymbol("-") || isSymbol("+") {
            let token = current
            let negates = isSymbol("-")
            index += 1
            try enterNesting(token)
            defer { nesting -= 1 }
            let operand = try parseUnary(withFilter: false)
            let span = Span(token.start, token.end).through(operand.span)
            expr = Expr(kind: negates ? .negate(operand) : .plus(operand), span: span)
        } else {
            expr = try parsePrimary()
        }
        expr = try parsePostfix(expr)
        if withFilter { expr = try parseFilterExpression(expr) }
        return expr
    }

    mutating func parsePrimary() throws -> Expr {
        let token = current
        let span = Span(token.start, token.end)
        switch token.kind {
        case .name(let name):
            index += 1
            switch token.key {
            case Token.nameKey("true"), Token.nameKey("True"): return Expr(kind: .literal(.bool(true)), span: span)
            case Token.nameKey("false"), Token.nameKey("False"): return Expr(kind: .literal(.bool(false)), span: span)
            case Token.nameKey("none"), Token.nameKey("None"): return Expr(kind: .literal(.none), span: span)
            default: return Expr(kind: .name(scope.resolve(name)), span: span)
            }
        case .string(var text):
            index += 1
            var end = token.end
            while case .string(let more) = current.kind {
                text += more
                end = current.end
                index += 1
            }
            return Expr(kind: .literal(.string(text)), span: Span(token.start, end))
        case .integer(let value):
            index += 1
            return Expr(kind: .literal(.int(value)), span: span)
        case .float(let value):
            index += 1
            return Expr(kind: .literal(.double(value)), span: span)
        case .symbol("("):
            index += 1
            try enterNesting(token)
            defer { nesting -= 1 }
            if skipSymbol(")") { return Expr(kind: .tuple([]), span: Span(token.start, tokens[index - 1].end)) }
            let first = try parseExpression()
            if skipSymbol(")") { return first }
            var items = [first]
            while skipSymbol(",") {
                if isSymbol(")") { break }
                items.append(try parseExpression())
            }
            try expectSymbol(")")
            return Expr(kind: .tuple(items), span: Span(token.start, tokens[index - 1].end))
        case .symbol("["):
            index += 1
            try enterNesting(token)
            defer { nesting -= 1 }
            var items: [Expr] = []
            while !skipSymbol("]") {
                if !items.isEmpty {
                    try expectSymbol(",")
                    if skipSymbol("]") { break }
                }
                items.append(try parseExpression())
            }
            return Expr(kind: .list(items), span: Span(token.start, tokens[index - 1].end))
        case .symbol("{"):
            index += 1
            try enterNesting(token)
            defer { nesting -= 1 }
            var pairs: [(Expr, Expr)] = []
            while !skipSymbol("}") {
                if !pairs.isEmpty {
                    try expectSymbol(",")
                    if skipSymbol("}") { break }
                }
                let key = try parseExpression()
                try expectSymbol(":")
                pairs.append((key, try parseExpression()))
            }
            return Expr(kind: .dict(pairs), span: Span(token.start, tokens[index - 1].end))
        default:
            throw error("expected an expression, found \(token.kind.describe)")
        }
    }

    mutating func parsePostfix(_ base: Expr) throws -> Expr {
        var expr = base
        var depth = 0
        defer { nesting -= depth }
        while true {
            let tokenIndex = index
            if skipSymbol(".") {
                let nameToken = current
                switch nameToken.kind {
                case .name(let name):
                    index += 1
                    expr = Expr(kind: .attribute(expr, name), span: expr.span.through(Span(nameToken.start, nameToken.end)))
                case .integer(let value):
                    index += 1
                    let key = Expr(kind: .literal(.int(value)), span: Span(nameToken.start, nameToken.end))
                    expr = Expr(kind: .item(expr, key), span: expr.span.through(key.span))
                default:
                    throw error("expected an attribute name after '.', found \(nameToken.kind.describe)")
                }
            } else if skipSymbol("[") {
                expr = try parseSubscript(expr)
            } else if isSymbol("(") {
                index += 1
                let arguments = try parseCallArguments()
                expr = Expr(kind: .call(expr, arguments), span: expr.span.through(Span(tokens[tokenIndex].start, tokens[index - 1].end)))
            } else {
                return expr
            }
            depth += 1
            try enterNesting(at: tokenIndex)
        }
    }

    private mutating func parseSubscript(_ base: Expr) throws -> Expr {
        var parts: [Expr?] = [nil]
        var isSlice = false
        while !skipSymbol("]") {
            if skipSymbol(":") {
                isSlice = true
                parts.append(nil)
                if parts.count > 3 { throw error("too many ':' in slice") }
                continue
            }
            guard parts[parts.count - 1] == nil else { throw error("expected ']', found \(current.kind.describe)") }
            parts[parts.count - 1] = try parseExpression()
        }
        let span = base.span.through(Span(tokens[index - 1].start, tokens[index - 1].end))
        if !isSlice {
            guard let key = parts[0] else { throw error("expected a subscript expression") }
            return Expr(kind: .item(base, key), span: span)
        }
        while parts.count < 3 { parts.append(nil) }
        return Expr(kind: .slice(base, parts[0], parts[1], parts[2]), span: span)
    }

    /// Arguments after `(`, through `)`.
    mutating func parseCallArguments() throws -> CallArguments {
        var arguments = CallArguments()
        var first = true
        while !skipSymbol(")") {
            if !first {
                try expectSymbol(",")
                if skipSymbol(")") { break }
            }
            first = false
            if skipSymbol("**") {
                arguments.doubleStar = try parseExpression()
            } else if skipSymbol("*") {
                arguments.star = try parseExpression()
            } else if case .name(let name) = current.kind, case .symbol("=") = tokens[min(index + 1, tokens.count - 1)].kind {
                index += 2
                arguments.keyword.append((name, try parseExpression()))
            } else {
                let tokenIndex = index
                let value = try parseExpression()
                if !arguments.keyword.isEmpty {
                    throw error("positional argument follows keyword argument", tokens[tokenIndex])
                }
                arguments.positional.append(value)
            }
        }
        return arguments
    }

    /// `| filter(args)` and `is [not] test args`, repeated.
    private mutating func parseFilterExpression(_ base: Expr) throws -> Expr {
        var expr = base
        var depth = 0
        defer { nesting -= depth }
        while true {
            let tokenIndex = index
            if skipSymbol("|") {
                let filter = try parseFilter()
                expr = Expr(kind: .filter(expr, filter), span: expr.span.through(filter.span))
            } else if skipName("is") {
                let negated = skipName("not")
                let (name, nameToken) = try expectName()
                guard let function = Tests.table[name] else {
                    throw error(
                        "unknown test '\(name)'", nameToken, hint: Suggestions.hint(for: name, in: Tests.table.keys))
                }
                var arguments: [Expr] = []
                if isSymbol("(") {
                    index += 1
                    let parsed = try parseCallArguments()
                    arguments = parsed.positional + parsed.keyword.map(\.1)
                } else if startsTestArgument {
                    arguments = [try parsePostfix(try parsePrimary())]
                }
                let span = Span(nameToken.start, tokens[index - 1].end)
                expr = Expr(
                    kind: .test(expr, TestCall(name: name, function: function, arguments: arguments, negated: negated, span: span)),
                    span: expr.span.through(span))
            } else {
                return expr
            }
            try enterNesting(at: tokenIndex)
            depth += 1
        }
    }

    private var startsTestArgument: Bool {
        switch current.kind {
        case .string, .integer, .float: return true
        case .symbol(let symbol): return symbol == "[" || symbol == "{"
        case .name(let name): return !["else", "or", "and", "if", "in", "is", "not"].contains(name)
        default: return false
        }
    }

    /// `name(args)` after a `|`.
    mutating func parseFilter() throws -> FilterCall {
        let (name, nameToken) = try expectName()
        guard let function = Filters.table[name] else {
            throw error("unknown filter '\(name)'", nameToken, hint: Suggestions.hint(for: name, in: Filters.table.keys))
        }
        var arguments = CallArguments()
        if skipSymbol("(") { arguments = try parseCallArguments() }
        return FilterCall(
            name: name, function: function, arguments: arguments, span: Span(nameToken.start, tokens[index - 1].end))
    }

    /// `f1(args) | f2` in `{% filter %}` and `{% set x | f %}`.
    mutating func parseFilterChain() throws -> [FilterCall] {
        var filters = [try parseFilter()]
        while skipSymbol("|") { filters.append(try parseFilter()) }
        return filters
    }
}
