import DFXBasics

extension Template {
    /// Finds calls to `names` anywhere in the template (every branch, loop, macro, call block, and
    /// nested inside other calls' arguments) without rendering it.
    public func staticCalls(to names: Set<String>) -> StaticCallReport {
        var collector = StaticCallCollector(names: names, file: file)
        collector.visit(body)
        collector.conditionalDepth += 1
        for definition in macros.values.sorted(by: { $0.span.start < $1.span.start }) where !collector.visited.contains(ObjectIdentifier(definition)) {
            collector.visit(definition.body)
        }
        // Source order; calls at one place (an unrolled loop's) keep the order they were found in.
        collector.report.calls = collector.report.calls.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
        return collector.report
    }
}

/// Walks statements and expressions collecting calls to watched names.
struct StaticCallCollector {
    let names: Set<String>
    let file: SourceFile
    var report = StaticCallReport()
    var visited: Set<ObjectIdentifier> = []
    /// Above zero while visiting code that may not run on every render.
    var conditionalDepth = 0

    /// Visits `body` as code that may not run.
    mutating func conditionally(_ body: (inout StaticCallCollector) -> Void) {
        conditionalDepth += 1
        body(&self)
        conditionalDepth -= 1
    }

    mutating func visit(_ body: [Stmt]) {
        for statement in body { visit(statement) }
    }

    mutating func visit(_ statement: Stmt) {
        switch statement {
        case .text, .nothing: break
        case .output(let expr), .evaluate(let expr): visit(expr)
        case .branches(let branches, let otherwise):
            for (index, (condition, body)) in branches.enumerated() {
                if index == 0 { visit(condition) } else { conditionally { $0.visit(condition) } }
                conditionally { $0.visit(body) }
            }
            if let otherwise { conditionally { $0.visit(otherwise) } }
        case .loop(let loop):
            if unrollLiteralLoop(loop) { break }
            visit(loop.iterable)
            conditionally { collector in
                if let condition = loop.condition { collector.visit(condition) }
                collector.visit(loop.target)
                collector.visit(loop.body)
                if let otherwise = loop.otherwise { collector.visit(otherwise) }
            }
        case .assign(let target, let expr):
            visit(target)
            visit(expr)
        case .assignBlock(let target, let body, let filters):
            visit(target)
            visit(body)
            for filter in filters { visit(filter.arguments) }
        case .defineMacro(let definition, _):
            visited.insert(ObjectIdentifier(definition))
            conditionally { $0.visit(definition) }
        case .callBlock(let definition, let call):
            conditionally { $0.visit(definition) }
            visit(call)
        case .filterBlock(let filters, let body):
            for filter in filters { visit(filter.arguments) }
            visit(body)
        case .scope(let assignments, let body):
            for (target, expr) in assignments {
                visit(target)
                visit(expr)
            }
            visit(body)
        }
    }

    /// `{% for t in ['a', 'b'] %} … {{ ref(t) }} … {% endfor %}`: a loop over a non-empty literal
    /// list of strings, without `if` or `else`, whose body makes exactly one watched call, directly
    /// in an output tag, with literal arguments or the loop variable, and otherwise holds only text,
    /// outputs and `if` blocks that mention no watched name and assign nothing. Such a call runs once
    /// per item, in item order, exactly as a render would make it: it is recorded once per item with
    /// the item in place of the variable. Returns false, recording nothing, for any other loop.
    mutating func unrollLiteralLoop(_ loop: ForLoop) -> Bool {
        guard loop.condition == nil, loop.otherwise == nil, case .slot(let slot, _) = loop.target else { return false }
        let items: [Expr]
        switch loop.iterable.kind {
        case .list(let list), .tuple(let list): items = list
        default: return false
        }
        var values: [Value] = []
        for item in items {
            guard case .literal(let value) = item.kind, case .string = value else { return false }
            values.append(value)
        }
        guard !values.isEmpty else { return false }
        var found: (name: String, arguments: CallArguments, span: Span)?
        for statement in loop.body {
            if case .output(let expr) = statement, case .call(let callee, let arguments) = expr.kind,
                case .name(let ref) = callee.kind, names.contains(ref.name)
            {
                guard found == nil else { return false }
                found = (ref.name, arguments, expr.span)
            } else if !isInert(statement) {
                return false
            }
        }
        guard let (name, arguments, span) = found, arguments.star == nil, arguments.doubleStar == nil else { return false }
        var keyword: [(String, Value?)] = []
        for (key, expr) in arguments.keyword {
            guard let value = Self.literal(expr) else { return false }
            keyword.append((key, value))
        }
        // Each positional argument: a literal, or the loop variable (nil here, the item below).
        var positional: [Value?] = []
        for expr in arguments.positional {
            if case .name(let ref) = expr.kind, ref.slot == slot, ref.depth == 0 {
                positional.append(nil)
            } else if let value = Self.literal(expr) {
                positional.append(value)
            } else {
                return false
            }
        }
        let location = file.location(Int(span.start))
        for value in values {
            report.calls.append(
                StaticCall(
                    name: name, arguments: positional.map { $0 ?? value }, keywordArguments: keyword, location: location,
                    isConditional: conditionalDepth > 0))
        }
        return true
    }

    /// Text, an output or an `if` block (recursively) that mentions no watched name: running it
    /// records nothing and changes no variable.
    private func isInert(_ statement: Stmt) -> Bool {
        switch statement {
        case .text: return true
        case .output(let expr): return mentionsNothingWatched(expr)
        case .branches(let branches, let otherwise):
            return branches.allSatisfy { mentionsNothingWatched($0.0) && $0.1.allSatisfy(isInert) }
                && (otherwise ?? []).allSatisfy(isInert)
        default: return false
        }
    }

    private func mentionsNothingWatched(_ expr: Expr) -> Bool {
        var probe = StaticCallCollector(names: names, file: file)
        probe.visit(expr)
        return probe.report.calls.isEmpty && probe.report.nonLiteralNames.isEmpty
    }

    mutating func visit(_ definition: MacroDefinition) {
        for (_, value) in definition.parameters { if let value { visit(value) } }
        visit(definition.body)
    }

    mutating func visit(_ target: AssignTarget) {
        switch target {
        case .slot: break
        case .tuple(let targets, _): for inner in targets { visit(inner) }
        case .attribute(let base, _, _): visit(base)
        }
    }

    mutating func visit(_ arguments: CallArguments) {
        for expr in arguments.positional { visit(expr) }
        for (_, expr) in arguments.keyword { visit(expr) }
        if let star = arguments.star { visit(star) }
        if let doubleStar = arguments.doubleStar { visit(doubleStar) }
    }

    mutating func visit(_ expr: Expr) {
        switch expr.kind {
        case .literal: break
        case .name(let ref):
            // A watched name used other than as a direct callee.
            if names.contains(ref.name) {
                report.hasNonLiteralCalls = true
                report.nonLiteralNames.insert(ref.name)
            }
        case .list(let items), .tuple(let items): for item in items { visit(item) }
        case .dict(let pairs):
            for (key, value) in pairs {
                visit(key)
                visit(value)
            }
        case .attribute(let base, _): visit(base)
        case .item(let base, let key):
            visit(base)
            visit(key)
        case .slice(let base, let lower, let upper, let stride):
            visit(base)
            for part in [lower, upper, stride] { if let part { visit(part) } }
        case .call(let callee, let arguments):
            if case .name(let ref) = callee.kind, names.contains(ref.name) {
                record(ref.name, arguments, expr.span)
            } else {
                visit(callee)
            }
            visit(arguments)
        case .filter(let base, let filter):
            if let base { visit(base) }
            visit(filter.arguments)
        case .test(let base, let test):
            visit(base)
            for argument in test.arguments { visit(argument) }
        case .negate(let operand), .plus(let operand), .not(let operand): visit(operand)
        case .binary(_, let left, let right):
            visit(left)
            visit(right)
        case .and(let left, let right), .or(let left, let right):
            visit(left)
            conditionally { $0.visit(right) }
        case .compare(let first, let rest):
            visit(first)
            for (_, operand) in rest { visit(operand) }
        case .conditional(let condition, let then, let otherwise):
            visit(condition)
            conditionally { collector in
                collector.visit(then)
                if let otherwise { collector.visit(otherwise) }
            }
        }
    }

    mutating func record(_ name: String, _ arguments: CallArguments, _ span: Span) {
        let positional = arguments.positional.map { StaticCallCollector.literal($0) }
        let keyword = arguments.keyword.map { ($0.0, StaticCallCollector.literal($0.1)) }
        if positional.contains(where: { $0 == nil }) || keyword.contains(where: { $0.1 == nil }) || arguments.star != nil
            || arguments.doubleStar != nil
        {
            report.hasNonLiteralCalls = true
            report.nonLiteralNames.insert(name)
        }
        report.calls.append(
            StaticCall(
                name: name, arguments: positional, keywordArguments: keyword, location: file.location(Int(span.start)),
                isConditional: conditionalDepth > 0))
    }

    /// The value of a literal expression (including lists, tuples and dicts of literals), else nil.
    static func literal(_ expr: Expr) -> Value? {
        switch expr.kind {
        case .literal(let value): return value
        case .negate(let operand):
            switch literal(operand) {
            case .int(let number)? where number != Int.min: return .int(-number)
            case .double(let number)?: return .double(-number)
            default: return nil
            }
        case .list(let items):
            let values = items.compactMap(literal)
            return values.count == items.count ? .list(values) : nil
        case .tuple(let items):
            let values = items.compactMap(literal)
            return values.count == items.count ? .tuple(values) : nil
        case .dict(let pairs):
            let storage = DictStorage()
            for (key, value) in pairs {
                guard let keyValue = literal(key), let itemValue = literal(value), storage.set(keyValue, itemValue) else {
                    return nil
                }
            }
            return .dictRef(storage)
        default: return nil
        }
    }
}
