/// The render-time form of an expression: a tree of classes evaluated by virtual dispatch, so the
/// renderer borrows child nodes instead of copying enum payloads (every payload copy is a retain).
/// Kinds without a node of their own (lists, dicts, slices, tests, arithmetic ...) fall back to the
/// enum evaluator with the original `Expr`, which is also kept for error messages.
class ExprNode: @unchecked Sendable {
    let expr: Expr

    init(_ expr: Expr) { self.expr = expr }

    func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        try renderer.evaluate(expr, frame)
    }

    /// The value's truthiness as a condition (`if`, `not`, `a if c`): strict mode refuses undefined.
    /// A local variable overrides it to test its slot in place.
    func isTrue(_ renderer: Renderer, _ frame: Frame) throws -> Bool {
        try renderer.truthy(try evaluate(renderer, frame), self)
    }

    /// Prints the value into the renderer's output as `{{ }}` does; `site` is the output statement
    /// (its expression is the one an undefined error names). Nodes that can produce their text
    /// without building a `Value` (attributes read in place, `~` chains, case and byte filters)
    /// override this; the result and the errors are the same as printing `evaluate`'s value.
    func write(_ renderer: Renderer, _ frame: Frame, _ site: OutputNode) throws {
        try site.emit(try evaluate(renderer, frame), renderer)
    }
}
