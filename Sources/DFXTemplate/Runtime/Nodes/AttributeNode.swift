/// `base.name`.
final class AttributeNode: ExprNode, @unchecked Sendable {
    let base: ExprNode
    let name: String
    /// When the base is a variable of this frame: its slot (dicts and objects are then read in place), else -1.
    let localSlot: Int
    /// The name's `NameKey.hash`, for dicts with a `KeyShape`.
    let hash: UInt64

    init(_ expr: Expr, base: ExprNode, name: String) {
        self.base = base
        self.name = name
        if let variable = base as? NameNode, variable.slot >= 0, variable.depth == 0 { localSlot = variable.slot } else { localSlot = -1 }
        hash = NameKey.hash(name)
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if localSlot >= 0, let entry = frame.attribute(ofSlot: localSlot, name, hash: hash) { return entry ?? .undefined }
        let value = try base.evaluate(renderer, frame)
        switch value {
        case .dictRef(let storage): return storage.get(name, hash: hash) ?? .undefined
        case .object(let object): return object.attribute(name) ?? .undefined
        default: return try renderer.attribute(of: value, name, base.expr)
        }
    }

    /// `{{ record.name }}` of a local dict: the entry's text is printed where it is stored.
    override func write(_ renderer: Renderer, _ frame: Frame, _ site: OutputNode) throws {
        if localSlot >= 0, frame.appendText(ofSlot: localSlot, attribute: name, hash: hash, to: &renderer.out) { return }
        try site.emit(try evaluate(renderer, frame), renderer)
    }
}
