/// `{% if %}` / `{% elif %}` / `{% else %}`.
final class BranchesNode: StmtNode, @unchecked Sendable {
    let conditions: NodeList<ExprNode>
    let bodies: [NodeList<StmtNode>]
    let otherwise: NodeList<StmtNode>?

    init(_ statement: Stmt, branches: [(Expr, [Stmt])], otherwise: [Stmt]?) {
        conditions = Lowering.expressions(branches.map(\.0))
        bodies = branches.map { Lowering.statements($0.1) }
        self.otherwise = otherwise.map(Lowering.statements)
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        for index in conditions.refs.indices {
            let holds = try conditions.refs[index]._withUnsafeGuaranteedRef { condition in
                try condition.isTrue(renderer, frame)
            }
            if holds {
                try renderer.run(bodies[index].refs, frame)
                return
            }
        }
        if let otherwise { try renderer.run(otherwise.refs, frame) }
    }
}
