import DFXBasics

extension Parser {
    static let statementNames = [
        "if", "for", "set", "macro", "call", "filter", "do", "with", "test", "snapshot", "docs", "raw",
    ]

    /// Parses the statement after `{% name`; returns nil when it produces no node.
    mutating func parseStatement(_ name: String, tagToken openTag: Token, nameToken: Token, endTags: [String]) throws -> Stmt? {
        // Diagnostics about the block point at `{% name`.
        let tagToken = Token(kind: openTag.kind, start: openTag.start, end: nameToken.end)
        switch name {
        case "if": return try parseIf(opener: tagToken)
        case "for": return try parseFor(opener: tagToken)
        case "set": return try parseSet(opener: tagToken)
        case "macro", "test": return try parseMacro(opener: tagToken, isTest: name == "test")
        case "call": return try parseCallBlock(opener: tagToken)
        case "filter":
            let filters = try parseFilterChain()
            try expectBlockEnd()
            let (body, _) = try parseBlockBody("filter", opener: tagToken)
            return .filterBlock(filters, body)
        case "do":
            let expr = try parseTuple()
            try expectBlockEnd()
            return .evaluate(expr)
        case "with": return try parseWith(opener: tagToken)
        case "snapshot", "docs": return try parseNamedBlock(name, opener: tagToken)
        case "materialization":
            throw error(
                "custom materializations are not supported by dfx", nameToken,
                hint: "use one of dfx's built-in materializations (view, table, incremental, ephemeral)")
        case "include", "extends", "import", "from", "block":
            throw error(
                "'{% \(name) %}' is not supported by dfx", nameToken,
                hint: "define macros in the macros/ folder; they are callable from every model")
        default:
            if name.hasPrefix("end") || name == "elif" || name == "else" {
                let expected = endTags.sorted().first { $0.hasPrefix("end") }
                let message =
                    expected.map { "unexpected '{% \(name) %}'; the innermost open block expects '{% \($0) %}'" }
                    ?? "unexpected '{% \(name) %}': no block is open"
                throw error(message, nameToken)
            }
            throw error(
                "unknown statement '\(name)'", nameToken,
                hint: Suggestions.hint(for: name, in: Parser.statementNames))
        }
    }

    private mutating func parseIf(opener: Token) throws -> Stmt {
        var branches: [(Expr, [Stmt])] = []
        var condition = try parseTuple()
        try expectBlockEnd()
        while true {
            try enterNesting(opener)
            let (body, end) = try parseBody(until: ["elif", "else", "endif"], opener: opener, openerName: "if")
            nesting -= 1
            branches.append((condition, body))
            if end == "elif" {
                condition = try parseTuple()
                try expectBlockEnd()
                continue
            }
            if end == "else" {
                try expectBlockEnd()
                let (otherwise, _) = try parseBlockBody("if", opener: opener)
                return .branches(branches, otherwise: otherwise)
            }
            try expectBlockEnd()
            return .branches(branches, otherwise: nil)
        }
    }

    private mutating func parseFor(opener: Token) throws -> Stmt {
        let pattern = try parseTargetPattern(allowAttributes: false)
        guard skipName("in") else { throw error("expected 'in' in for loop, found \(current.kind.describe)") }
        let iterable = try parseTuple(allowConditional: false)
        scope.pushBlock()
        let target = declare(pattern)
        let loopSlot = scope.declare("loop")
        var condition: Expr?
        if skipName("if") { condition = try parseExpression() }
        if isName("recursive") { throw error("recursive for loops are not supported") }
        try expectBlockEnd()
        let (body, end) = try parseBlockBody("for", opener: opener, extraEnds: ["else"])
        let usesLoop = scope.usedSlots.contains(loopSlot)
        scope.popBlock()
        var otherwise: [Stmt]?
        if end == "else" {
            try expectBlockEnd()
            otherwise = try parseBlockBody("for", opener: opener).0
        }
        return .loop(
            ForLoop(
                target: target, iterable: iterable, condition: condition, body: body, otherwise: otherwise,
                loopSlot: usesLoop ? loopSlot : nil, span: Span(opener.start, opener.end)))
    }

    private mutating func parseSet(opener: Token) throws -> Stmt {
        let pattern = try parseTargetPattern(allowAttributes: true)
        if skipSymbol("=") {
            let value = try parseTuple()
            try expectBlockEnd()
            return .assign(declare(pattern), value)
        }
        var filters: [FilterCall] = []
        if skipSymbol("|") { filters = try parseFilterChain() }
        try expectBlockEnd()
        let (body, _) = try parseBlockBody("set", opener: opener)
        return .assignBlock(declare(pattern), body, filters)
    }

    private mutating func parseWith(opener: Token) throws -> Stmt {
        var pairs: [(TargetPattern, Expr)] = []
        while !isBlockEnd {
            if !pairs.isEmpty { try expectSymbol(",") }
            let pattern = try parseTargetPattern(allowAttributes: false)
            try expectSymbol("=")
            pairs.append((pattern, try parseExpression()))
        }
        try expectBlockEnd()
        scope.pushBlock()
        let assignments = pairs.map { (declare($0.0), $0.1) }
        let (body, _) = try parseBlockBody("with", opener: opener)
        scope.popBlock()
        return .scope(assignments, body)
    }

    var isBlockEnd: Bool {
        if case .blockEnd = current.kind { return true }
        return current.isEnd
    }

    /// `{% macro name(a, b=1) %}` or `{% test name(model) %}`.
    private mutating func parseMacro(opener: Token, isTest: Bool) throws -> Stmt {
        let (baseName, nameToken) = try expectName()
        let name = isTest ? "test_" + baseName : baseName
        let isTopLevel = nesting == 0 && scope.parent == nil
        let outer = scope
        scope = FunctionScope(parent: outer)
        defer { scope = outer }
        let parameters = try parseParameters(optional: false)
        try expectBlockEnd()
        let definition = try parseFunctionBody(
            name: name, parameters: parameters, tag: isTest ? "test" : "macro", opener: opener, nameToken: nameToken)
        scope = outer
        let slot = scope.declare(name)
        if isTopLevel {
            topLevelMacros[name] = definition
            blocks.append(
                ParsedBlock(
                    kind: isTest ? .test : .macro, name: name, start: nameToken.start,
                    length: nameToken.end - nameToken.start, body: [], rawText: ""))
        }
        return .defineMacro(definition, slot: slot)
    }

    /// Parameters `(a, b=default)`; declares them in the (new) current scope.
    private mutating func parseParameters(optional: Bool) throws -> [(String, Expr?)] {
        var parameters: [(String, Expr?)] = []
        if optional, !isSymbol("(") { return parameters }
        try expectSymbol("(")
        while !skipSymbol(")") {
            if !parameters.isEmpty { try expectSymbol(",") }
            if skipSymbol(")") { break }
            let (parameter, token) = try expectName()
            if parameters.contains(where: { $0.0 == parameter }) {
                throw error("duplicate parameter '\(parameter)'", token)
            }
            var defaultValue: Expr?
            if skipSymbol("=") { defaultValue = try parseExpression() }
            _ = scope.declare(parameter)
            parameters.append((parameter, defaultValue))
        }
        return parameters
    }

    /// Parses a function body in the current (fresh) scope up to `end<tag>`.
    private mutating func parseFunctionBody(
        name: String, parameters: [(String, Expr?)], tag: String, opener: Token, nameToken: Token
    ) throws -> MacroDefinition {
        let varargs = scope.declare("varargs")
        let kwargs = scope.declare("kwargs")
        let caller = scope.declare("caller")
        let (body, _) = try parseBlockBody(tag, opener: opener)
        definedMacroCount += 1
        return MacroDefinition(
            name: name, parameters: parameters, body: body, slotCount: scope.slotCount, varargsSlot: varargs,
            kwargsSlot: kwargs, callerSlot: caller, acceptsVarargs: scope.usedSlots.contains(varargs),
            acceptsKwargs: scope.usedSlots.contains(kwargs), acceptsCaller: scope.usedSlots.contains(caller), file: file,
            span: Span(nameToken.start, nameToken.end), lower: lowerMacros)
    }

    /// `{% call(args) macro(...) %}body{% endcall %}`.
    private mutating func parseCallBlock(opener: Token) throws -> Stmt {
        let outer = scope
        scope = FunctionScope(parent: outer)
        let parameters = try parseParameters(optional: true)
        let callerScope = scope
        scope = outer
        let call = try parseExpression()
        guard case .call = call.kind else { throw error("expected a macro call after '{% call %}'", opener) }
        try expectBlockEnd()
        scope = callerScope
        defer { scope = outer }
        let definition = try parseFunctionBody(
            name: "caller", parameters: parameters, tag: "call", opener: opener, nameToken: opener)
        return .callBlock(definition, call: call)
    }

    /// `{% snapshot name %}` and `{% docs name %}`.
    private mutating func parseNamedBlock(_ kind: String, opener: Token) throws -> Stmt {
        let (name, nameToken) = try expectName()
        try expectBlockEnd()
        let contentStart = tokens[index - 1].end
        let (body, _) = try parseBlockBody(kind, opener: opener)
        var contentEnd = contentStart
        // The end tag's `{%` is three tokens back (`{%`, name, `%}`), or four with a trailing name.
        for back in 3...5 where index - back >= 0 {
            if case .blockBegin = tokens[index - back].kind {
                contentEnd = tokens[index - back].start
                break
            }
        }
        let bytes = file.bytes
        let raw = contentEnd > contentStart && contentEnd <= bytes.count
            ? String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self) : ""
        if nesting == 0 && scope.parent == nil {
            blocks.append(
                ParsedBlock(
                    kind: kind == "docs" ? .docs : .snapshot, name: name, start: nameToken.start,
                    length: nameToken.end - nameToken.start, body: kind == "snapshot" ? body : [], rawText: raw))
        }
        return .nothing
    }

    // MARK: Assignment targets

    indirect enum TargetPattern {
        case name(String)
        case tuple([TargetPattern], Span)
        case attribute(Expr, String, Span)
    }

    mutating func parseTargetPattern(allowAttributes: Bool) throws -> TargetPattern {
        let start = current
        var items: [TargetPattern] = [try parseSingleTarget(allowAttributes: allowAttributes)]
        var isTuple = false
        while skipSymbol(",") {
            isTuple = true
            if isName("in") || isSymbol("=") || isBlockEnd { break }
            items.append(try parseSingleTarget(allowAttributes: allowAttributes))
        }
        return isTuple ? .tuple(items, Span(start.start, tokens[max(0, index - 1)].end)) : items[0]
    }

    private mutating func parseSingleTarget(allowAttributes: Bool) throws -> TargetPattern {
        let token = current
        if skipSymbol("(") {
            let inner = try parseTargetPattern(allowAttributes: allowAttributes)
            try expectSymbol(")")
            if case .tuple = inner { return inner }
            return .tuple([inner], Span(token.start, token.end))
        }
        let (name, nameToken) = try expectName()
        if allowAttributes, skipSymbol(".") {
            let (attribute, attributeToken) = try expectName()
            let base = Expr(kind: .name(scope.resolve(name)), span: Span(nameToken.start, nameToken.end))
            return .attribute(base, attribute, Span(nameToken.start, attributeToken.end))
        }
        if ["true", "false", "none", "True", "False", "None"].contains(name) {
            throw error("cannot assign to '\(name)'", nameToken)
        }
        return .name(name)
    }

    mutating func declare(_ pattern: TargetPattern) -> AssignTarget {
        switch pattern {
        case .name(let name): return .slot(scope.declare(name), name: name)
        case .tuple(let items, let span): return .tuple(items.map { declare($0) }, span)
        case .attribute(let base, let name, let span): return .attribute(base, name, span)
        }
    }
}
