/// A variable: a slot `depth` frames up, else a free name looked up in the context and globals.
final class NameNode: ExprNode, @unchecked Sendable {
    let name: String
    let depth: Int
    let slot: Int

    init(_ expr: Expr, _ ref: NameRef) {
        self.name = ref.name
        self.depth = ref.depth
        self.slot = ref.slot
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if slot >= 0 {
            if depth == 0 {
                if let value = frame[slot] { return value }
            } else if let value = frame.frame(atDepth: depth)?[slot] {
                return value
            }
        }
        return renderer.lookup(name)
    }
}
