/// A variable: a slot `depth` frames up, else a free name looked up in the context and globals.
final class NameNode: ExprNode, @unchecked Sendable {
    let name: String
    let depth: Int
    let slot: Int
    /// The name's `NameKey`s, for free-name lookups.
    let hash: UInt64
    let filterBit: UInt64

    init(_ expr: Expr, _ ref: NameRef) {
        self.name = ref.name
        self.depth = ref.depth
        self.slot = ref.slot
        self.hash = NameKey.hash(ref.name)
        self.filterBit = NameKey.filterBit(ref.name)
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
        return renderer.lookup(name, hash: hash, filterBit: filterBit)
    }

    /// A local bool, int, None or string is tested where it is stored (no copy).
    override func isTrue(_ renderer: Renderer, _ frame: Frame) throws -> Bool {
        if slot >= 0, depth == 0, let truth = frame.truthiness(ofSlot: slot) { return truth }
        return try renderer.truthy(try evaluate(renderer, frame), self)
    }
}
