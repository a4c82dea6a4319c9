/// A comparison chain `a < b <= c`.
final class CompareNode: ExprNode, @unchecked Sendable {
    let first: ExprNode
    let operators: [CompareOperator]
    let operands: [ExprNode]

    init(_ expr: Expr, first: ExprNode, operators: [CompareOperator], operands: [ExprNode]) {
        self.first = first
        self.operators = operators
        self.operands = operands
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        var left = try first.evaluate(renderer, frame)
        var leftNode = first
        for index in operands.indices {
            let rightNode = operands[index]
            let right = try rightNode.evaluate(renderer, frame)
            if renderer.undefinedBehavior != .lenient {
                if case .undefined = left { throw renderer.undefinedError(leftNode.expr) }
                if case .undefined = right { throw renderer.undefinedError(rightNode.expr) }
            }
            leftNode = rightNode
            let holds: Bool
            do {
                holds = try Operators.compare(operators[index], left, right)
            } catch let error as TemplateRuntimeError {
                throw renderer.fail(error.message, expr.span, hint: error.hint)
            }
            if !holds { return .bool(false) }
            left = right
        }
        return .bool(true)
    }
}
