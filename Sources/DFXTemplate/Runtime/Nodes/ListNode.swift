/// A list or tuple display `[a, b]` / `(a, b)`: a new list each time (lists are mutable).
final class ListNode: ExprNode, @unchecked Sendable {
    let items: NodeList<ExprNode>
    let isTuple: Bool
    /// When every item is a literal: the items, made once (each list still gets its own storage,
    /// whose array is copied on its first change).
    let constant: [Value]?

    init(_ expr: Expr, items: [Expr], isTuple: Bool) {
        self.items = Lowering.expressions(items)
        self.isTuple = isTuple
        let literals = self.items.nodes.compactMap { ($0 as? LiteralNode)?.value }
        constant = !literals.isEmpty && literals.count == self.items.count ? literals : nil
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if let constant { return .listRef(ListStorage(constant, isTuple: isTuple)) }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items.refs { values.append(try item._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }) }
        return .listRef(ListStorage(values, isTuple: isTuple))
    }
}
