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
        collector.report.calls.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
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
