/// `then if condition else otherwise` (no `else`: undefined).
final class ConditionalNode: ExprNode, @unchecked Sendable {
    let condition: ExprNode
    let then: ExprNode
    let otherwise: ExprNode?

    init(_ expr: Expr, condition: ExprNode, then: ExprNode, otherwise: ExprNode?) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if try condition.isTrue(renderer, frame) {
            return try then.evaluate(renderer, frame)
        }
        guard let otherwise else { return .undefined }
        return try otherwise.evaluate(renderer, frame)
    }

    /// Prints the chosen branch directly (no branch and undefined follow the output's rules).
    override func write(_ renderer: Renderer, _ frame: Frame, _ site: OutputNode) throws {
        if try condition.isTrue(renderer, frame) {
            return try then.write(renderer, frame, site)
        }
        guard let otherwise else { return try site.emit(.undefined, renderer) }
        try otherwise.write(renderer, frame, site)
    }
}
