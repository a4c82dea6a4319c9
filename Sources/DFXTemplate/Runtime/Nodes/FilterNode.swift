/// `base | filter(arguments)` (a missing base is a filter block's or `set` block's text).
final class FilterNode: ExprNode, @unchecked Sendable {
    let base: ExprNode?
    let function: FilterBox
    let arguments: ArgumentNodes
    /// False for `default`/`d`, which accept undefined in every mode.
    let refusesUndefined: Bool
    let span: Span

    init(_ expr: Expr, base: ExprNode?, filter: FilterCall) {
        self.base = base
        self.function = filter.function
        self.arguments = ArgumentNodes(filter.arguments)
        self.refusesUndefined = filter.name != "default" && filter.name != "d"
        self.span = filter.span
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let value = try base?.evaluate(renderer, frame) ?? .undefined
        let (positional, keyword) = try arguments.evaluate(renderer, frame)
        do {
            if case .undefined = value, renderer.undefinedBehavior != .lenient, refusesUndefined, let base {
                throw renderer.undefinedError(base.expr)
            }
            return try function.call(renderer, value, FilterArguments(positional: positional, keyword: keyword))
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, span, hint: error.hint)
        }
    }
}
