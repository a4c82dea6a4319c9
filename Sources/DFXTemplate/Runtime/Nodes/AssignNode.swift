/// `{% set target = value %}`.
final class AssignNode: StmtNode, @unchecked Sendable {
    let target: AssignTarget
    /// The slot of a plain-name target, else -1.
    let slot: Int
    let value: ExprNode

    init(_ statement: Stmt, target: AssignTarget, value: ExprNode) {
        self.target = target
        if case .slot(let slot, _) = target { self.slot = slot } else { self.slot = -1 }
        self.value = value
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        let result = try value.evaluate(renderer, frame)
        if slot >= 0 {
            frame[slot] = result
        } else {
            try renderer.assign(target, result, frame)
        }
    }
}
