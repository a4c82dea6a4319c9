/// A macro's body and parameter defaults as the node renderer runs them.
struct LoweredMacro: Sendable {
    let nodes: NodeList<StmtNode>
    /// One entry per parameter: its default expression's node, nil when it has none.
    let defaults: [ExprNode?]

    init(body: [Stmt], parameters: [(String, Expr?)]) {
        nodes = Lowering.statements(body)
        defaults = parameters.map { $0.1.map(Lowering.expression) }
    }
}
