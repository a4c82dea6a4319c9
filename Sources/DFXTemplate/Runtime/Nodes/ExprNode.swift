/// The render-time form of an expression: a tree of classes evaluated by virtual dispatch, so the
/// renderer borrows child nodes instead of copying enum payloads (every payload copy is a retain).
/// Kinds without a node of their own (lists, dicts, slices, tests, arithmetic ...) fall back to the
/// enum evaluator with the original `Expr`, which is also kept for error messages.
class ExprNode: @unchecked Sendable {
    let expr: Expr

    init(_ expr: Expr) { self.expr = expr }

    func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        try renderer.evaluate(expr, frame)
    }
}

/// A constant.
final class LiteralNode: ExprNode, @unchecked Sendable {
    let value: Value

    init(_ expr: Expr, value: Value) {
        self.value = value
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value { value }
}

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

/// `base.name`.
final class AttributeNode: ExprNode, @unchecked Sendable {
    let base: ExprNode
    let name: String
    /// When the base is a variable of this frame: its slot (dicts are then read in place), else -1.
    let localSlot: Int

    init(_ expr: Expr, base: ExprNode, name: String) {
        self.base = base
        self.name = name
        if let variable = base as? NameNode, variable.slot >= 0, variable.depth == 0 { localSlot = variable.slot } else { localSlot = -1 }
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if localSlot >= 0, let entry = frame.dictEntry(ofSlot: localSlot, name) { return entry ?? .undefined }
        let value = try base.evaluate(renderer, frame)
        switch value {
        case .dictRef(let storage): return storage.get(name) ?? .undefined
        case .object(let object): return object.attribute(name) ?? .undefined
        default: return try renderer.attribute(of: value, name, base.expr)
        }
    }
}
