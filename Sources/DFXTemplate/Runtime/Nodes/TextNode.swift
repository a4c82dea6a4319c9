/// Literal template text, pre-encoded; `Renderer.run` appends it through `StmtNode.text`.
final class TextNode: StmtNode, @unchecked Sendable {
    /// The bytes in memory this node owns (appending from an array field would retain it each time).
    let bytes: UnsafeMutableBufferPointer<UInt8>

    init(_ statement: Stmt, bytes: [UInt8]) {
        let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = owned.initialize(from: bytes)
        self.bytes = owned
        super.init(statement, text: UnsafeBufferPointer(owned))
    }

    deinit { bytes.deallocate() }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        renderer.out.append(UnsafeBufferPointer(bytes))
    }
}
