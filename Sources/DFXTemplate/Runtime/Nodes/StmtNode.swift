/// The render-time form of a statement (see `ExprNode`). The base class runs the original `Stmt`
/// through the enum executor: the fallback for the less frequent statements.
class StmtNode: @unchecked Sendable {
    /// The original statement, as a one-element body for the enum executor.
    let original: [Stmt]
    /// A text node's bytes (see `TextNode`), appended by `Renderer.run` without a virtual call.
    let text: UnsafeBufferPointer<UInt8>?

    init(_ statement: Stmt, text: UnsafeBufferPointer<UInt8>? = nil) {
        self.original = [statement]
        self.text = text
    }

    func execute(_ renderer: Renderer, _ frame: Frame) throws {
        try renderer.execute(original, frame)
    }
}
