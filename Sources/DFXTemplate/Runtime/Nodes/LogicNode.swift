/// `left and right` / `left or right`, short-circuiting and returning an operand as Python does.
final class LogicNode: ExprNode, @unchecked Sendable {
    let left: ExprNode
    let right: ExprNode
    let isAnd: Bool

    init(_ expr: Expr, left: ExprNode, right: ExprNode, isAnd: Bool) {
        self.left = left
        self.right = right
        self.isAnd = isAnd
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let value = try left.evaluate(renderer, frame)
        if try renderer.truthy(value, left) == isAnd { return try right.evaluate(renderer, frame) }
        return value
    }
}
