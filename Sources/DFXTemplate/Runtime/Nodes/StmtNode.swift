/// The render-time form of a statement (see `ExprNode`). The base class runs the original `Stmt`
/// through the enum executor: the fallback for the less frequent statements.
class StmtNode: @unchecked Sendable {
    /// The original statement, as a one-element body for the enum executor.
    let original: [Stmt]

    init(_ statement: Stmt) { self.original = [statement] }

    func execute(_ renderer: Renderer, _ frame: Frame) throws {
        try renderer.execute(original, frame)
    }
}
