/// Literal template text, pre-encoded.
final class TextNode: StmtNode, @unchecked Sendable {
    /// The bytes in memory this node owns (appending from an array field would retain it each time).
    let bytes: UnsafeMutableBufferPointer<UInt8>

    init(_ statement: Stmt, bytes: [UInt8]) {
        self.bytes = UnsafeMutableBufferPointer.allocate(capacity: bytes.count)
        _ = self.bytes.initialize(from: bytes)
        super.init(statement)
    }

    deinit { bytes.deallocate() }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        renderer.out.append(UnsafeBufferPointer(bytes))
    }
}
