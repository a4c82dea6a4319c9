/// `base[key]`.
final class ItemNode: ExprNode, @unchecked Sendable {
    let base: ExprNode
    let key: ExprNode

    init(_ expr: Expr, base: ExprNode, key: ExprNode) {
        self.base = base
        self.key = key
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let container = try base.evaluate(renderer, frame)
        let index = try key.evaluate(renderer, frame)
        return try renderer.item(of: container, index, base.expr)
    }
}
