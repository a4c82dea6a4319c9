/// `{% do expression %}`.
final class EvaluateNode: StmtNode, @unchecked Sendable {
    let value: ExprNode

    init(_ statement: Stmt, value: ExprNode) {
        self.value = value
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        _ = try value.evaluate(renderer, frame)
    }
}
