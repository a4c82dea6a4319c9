/// `not operand`.
final class NotNode: ExprNode, @unchecked Sendable {
    let operand: ExprNode

    init(_ expr: Expr, operand: ExprNode) {
        self.operand = operand
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        .bool(!(try operand.isTrue(renderer, frame)))
    }

    override func isTrue(_ renderer: Renderer, _ frame: Frame) throws -> Bool {
        !(try operand.isTrue(renderer, frame))
    }
}
