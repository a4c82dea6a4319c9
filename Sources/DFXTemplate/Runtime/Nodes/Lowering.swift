/// Turns the parser's enum tree into the node tree the renderer runs (`ExprNode`, `StmtNode`).
enum Lowering {
    static func statements(_ body: [Stmt]) -> NodeList<StmtNode> {
        NodeList(body.map(statement))
    }

    static func expressions(_ list: [Expr]) -> NodeList<ExprNode> {
        NodeList(list.map(expression))
    }

    static func statement(_ statement: Stmt) -> StmtNode {
        switch statement {
        case .text(let text): return TextNode(statement, bytes: text.bytes)
        case .output(let expr): return OutputNode(statement, value: expression(expr))
        case .branches(let branches, let otherwise): return BranchesNode(statement, branches: branches, otherwise: otherwise)
        case .loop(let loop): return LoopNode(statement, loop: loop)
        case .assign(let target, let expr): return AssignNode(statement, target: target, value: expression(expr))
        case .evaluate(let expr): return EvaluateNode(statement, value: expression(expr))
        default: return StmtNode(statement)
        }
    }

    static func expression(_ expr: Expr) -> ExprNode {
        switch expr.kind {
        case .literal(let value):
            return LiteralNode(expr, value: value)
        case .name(let ref):
            return NameNode(expr, ref)
        case .attribute(let base, let name):
            let attribute = AttributeNode(expr, base: expression(base), name: name)
            if case .name(let ref) = base.kind, ref.name == "loop", ref.depth == 0, ref.slot >= 0, let field = LoopState.Field(name) {
                return LoopFieldNode(expr, field: field, slot: ref.slot, fallback: attribute)
            }
            return attribute
        case .call(let callee, let arguments) where arguments.star == nil && arguments.doubleStar == nil:
            return CallNode(expr, callee: expression(callee), arguments: arguments)
        case .filter(let base, let filter) where filter.arguments.star == nil && filter.arguments.doubleStar == nil:
            return FilterNode(expr, base: base.map(expression), filter: filter)
        case .and(let left, let right):
            return LogicNode(expr, left: expression(left), right: expression(right), isAnd: true)
        case .or(let left, let right):
            return LogicNode(expr, left: expression(left), right: expression(right), isAnd: false)
        case .not(let operand):
            return NotNode(expr, operand: expression(operand))
        case .conditional(let condition, let then, let otherwise):
            return ConditionalNode(
                expr, condition: expression(condition), then: expression(then), otherwise: otherwise.map(expression))
        case .binary(.concat, let left, let right):
            return ConcatNode(expr, left: left, right: right)
        case .compare(let first, let rest):
            return CompareNode(expr, first: expression(first), operators: rest.map(\.0), operands: rest.map { expression($0.1) })
        case .binary(let op, let left, let right):
            return BinaryNode(expr, op: op, left: expression(left), right: expression(right))
        case .list(let items):
            return ListNode(expr, items: items, isTuple: false)
        case .tuple(let items):
            return ListNode(expr, items: items, isTuple: true)
        case .dict(let pairs):
            return DictNode(expr, pairs: pairs)
        case .item(let base, let key):
            return ItemNode(expr, base: expression(base), key: expression(key))
        case .test(let base, let test):
            return TestNode(expr, base: expression(base), test: test)
        default:
            return ExprNode(expr)
        }
    }

    /// Whether `body` (nested blocks included, other functions' bodies not) may assign `slot`.
    static func assigns(_ slot: Int, in body: [Stmt]) -> Bool {
        body.contains { statement in
            switch statement {
            case .text, .output, .evaluate, .callBlock, .nothing:
                return false
            case .branches(let branches, let otherwise):
                return branches.contains { assigns(slot, in: $0.1) } || assigns(slot, in: otherwise ?? [])
            case .loop(let loop):
                return loop.loopSlot == slot || assigns(slot, loop.target) || assigns(slot, in: loop.body)
                    || assigns(slot, in: loop.otherwise ?? [])
            case .assign(let target, _):
                return assigns(slot, target)
            case .assignBlock(let target, let inner, _):
                return assigns(slot, target) || assigns(slot, in: inner)
            case .defineMacro(_, let defined):
                return defined == slot
            case .filterBlock(_, let inner):
                return assigns(slot, in: inner)
            case .scope(let assignments, let inner):
                return assignments.contains { assigns(slot, $0.0) } || assigns(slot, in: inner)
            }
        }
    }

    /// Whether an assignment target binds `slot`.
    static func assigns(_ slot: Int, _ target: AssignTarget) -> Bool {
        switch target {
        case .slot(let bound, _): return bound == slot
        case .tuple(let targets, _): return targets.contains { assigns(slot, $0) }
        case .attribute: return false
        }
    }
}
