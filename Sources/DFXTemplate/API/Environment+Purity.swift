extension Environment {
    /// Whether a call of `macro` can only depend on its arguments other than `ignoring` (and on the
    /// environment's globals, which do not change while it is shared): its body calls nothing (no
    /// function, macro, method, `caller` or `return`), defines no macro, assigns no attribute and
    /// never names a parameter in `ignoring`. Two such calls with equal arguments outside `ignoring`
    /// render the same text, so a host may call it once per distinct argument list: dbt's default
    /// `generate_schema_name`, copied into a project, is such a macro; one reading `node.fqn` is not.
    /// Native functions and any other value give false.
    public func dependsOnlyOnArguments(_ macro: Value, ignoring: Set<String>) -> Bool {
        guard case .macro(let value) = macro, value.closure == nil else { return false }
        let definition = value.definition
        var check = PurityCheck(ignored: ignoring)
        for (_, defaultValue) in definition.parameters {
            if let defaultValue { check.visit(defaultValue) }
        }
        check.visit(definition.body)
        return check.isPure
    }
}

/// Walks a macro body looking for anything that could make two calls with the same arguments differ.
private struct PurityCheck {
    let ignored: Set<String>
    var isPure = true

    mutating func visit(_ body: [Stmt]) {
        for statement in body where isPure { visit(statement) }
    }

    mutating func visit(_ statement: Stmt) {
        switch statement {
        case .text, .nothing: break
        case .output(let expr), .evaluate(let expr): visit(expr)
        case .branches(let branches, let otherwise):
            for (condition, body) in branches {
                visit(condition)
                visit(body)
            }
            if let otherwise { visit(otherwise) }
        case .loop(let loop):
            visit(loop.iterable)
            if let condition = loop.condition { visit(condition) }
            visit(loop.target)
            visit(loop.body)
            if let otherwise = loop.otherwise { visit(otherwise) }
        case .assign(let target, let expr):
            visit(target)
            visit(expr)
        case .assignBlock(let target, let body, let filters):
            visit(target)
            visit(body)
            for filter in filters { visit(filter.arguments) }
        case .defineMacro, .callBlock: isPure = false
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

    mutating func visit(_ target: AssignTarget) {
        switch target {
        case .slot(_, let name): if ignored.contains(name) { isPure = false }
        case .tuple(let targets, _): for inner in targets { visit(inner) }
        case .attribute: isPure = false
        }
    }

    mutating func visit(_ arguments: CallArguments) {
        for expr in arguments.positional { visit(expr) }
        for (_, expr) in arguments.keyword { visit(expr) }
        if let star = arguments.star { visit(star) }
        if let doubleStar = arguments.doubleStar { visit(doubleStar) }
    }

    mutating func visit(_ expr: Expr) {
        guard isPure else { return }
        switch expr.kind {
        case .literal: break
        case .name(let ref): if ignored.contains(ref.name) { isPure = false }
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
        case .call: isPure = false
        case .filter(let base, let filter):
            if let base { visit(base) }
            visit(filter.arguments)
        case .test(let base, let test):
            visit(base)
            for argument in test.arguments { visit(argument) }
        case .negate(let operand), .plus(let operand), .not(let operand): visit(operand)
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
            visit(left)
            visit(right)
        case .compare(let first, let rest):
            visit(first)
            for (_, operand) in rest { visit(operand) }
        case .conditional(let condition, let then, let otherwise):
            visit(condition)
            visit(then)
            if let otherwise { visit(otherwise) }
        }
    }
}
