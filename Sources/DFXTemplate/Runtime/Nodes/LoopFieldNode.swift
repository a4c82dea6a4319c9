/// `loop.index`, `loop.last` ... (a plain field of the innermost loop's `loop` variable): read
/// from the running loop's state without the host-object protocol when that loop is the
/// renderer's `currentLoop` on this frame; otherwise (the loop's body reassigns `loop`, say) as
/// any attribute.
final class LoopFieldNode: ExprNode, @unchecked Sendable {
    let field: LoopState.Field
    let slot: Int
    let fallback: AttributeNode

    init(_ expr: Expr, field: LoopState.Field, slot: Int, fallback: AttributeNode) {
        self.field = field
        self.slot = slot
        self.fallback = fallback
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if let current = renderer.currentLoop {
            let value = current._withUnsafeGuaranteedRef { state -> Value? in
                state.slot == slot && state.frame == ObjectIdentifier(frame) ? state.value(of: field) : nil
            }
            if let value { return value }
        }
        return try fallback.evaluate(renderer, frame)
    }
}
