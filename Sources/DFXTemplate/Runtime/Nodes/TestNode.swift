/// `base is test(arguments)` / `base is not test(arguments)`.
final class TestNode: ExprNode, @unchecked Sendable {
    let base: ExprNode
    let function: TestFunction
    let arguments: NodeList<ExprNode>
    let negated: Bool
    let span: Span

    init(_ expr: Expr, base: ExprNode, test: TestCall) {
        self.base = base
        self.function = test.function
        self.arguments = Lowering.expressions(test.arguments)
        self.negated = test.negated
        self.span = test.span
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let value = try base.evaluate(renderer, frame)
        var values: [Value] = []
        if !arguments.isEmpty {
            values.reserveCapacity(arguments.count)
            for node in arguments.refs { values.append(try node._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }) }
        }
        do {
            return .bool(try function(renderer, value, values) != negated)
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, span, hint: error.hint)
        }
    }
}
