/// A constant.
final class LiteralNode: ExprNode, @unchecked Sendable {
    let value: Value
    /// A string constant's UTF-8 bytes, owned by the node (printed without copying the value).
    let text: UnsafeMutableBufferPointer<UInt8>?

    init(_ expr: Expr, value: Value) {
        self.value = value
        if case .string(let string) = value {
            let bytes = Array(string.utf8)
            let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = text.initialize(from: bytes)
            self.text = text
        } else {
            self.text = nil
        }
        super.init(expr)
    }

    deinit { text?.deallocate() }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value { value }

    override func write(_ renderer: Renderer, _ frame: Frame, _ site: OutputNode) throws {
        if let text {
            renderer.out.append(UnsafeBufferPointer(text))
        } else {
            try site.emit(value, renderer)
        }
    }
}
