/// A constant.
final class LiteralNode: ExprNode, @unchecked Sendable {
    let value: Value

    init(_ expr: Expr, value: Value) {
        self.value = value
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value { value }
}
