/// Arithmetic `left op right` (not `~`, which is `ConcatNode`).
final class BinaryNode: ExprNode, @unchecked Sendable {
    let op: BinaryOperator
    let left: ExprNode
    let right: ExprNode

    init(_ expr: Expr, op: BinaryOperator, left: ExprNode, right: ExprNode) {
        self.op = op
        self.left = left
        self.right = right
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let leftValue = try left.evaluate(renderer, frame)
        let rightValue = try right.evaluate(renderer, frame)
        if case .undefined = leftValue { throw renderer.undefinedError(left.expr) }
        if case .undefined = rightValue { throw renderer.undefinedError(right.expr) }
        do {
            return try Operators.binary(op, leftValue, rightValue)
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, expr.span, hint: error.hint)
        }
    }
}
