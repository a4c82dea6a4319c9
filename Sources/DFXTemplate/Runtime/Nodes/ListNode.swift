/// A list or tuple display `[a, b]` / `(a, b)`: a new list each time (lists are mutable).
final class ListNode: ExprNode, @unchecked Sendable {
    let items: NodeList<ExprNode>
    let isTuple: Bool

    init(_ expr: Expr, items: [Expr], isTuple: Bool) {
        self.items = Lowering.expressions(items)
        self.isTuple = isTuple
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items.refs { values.append(try item._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }) }
        return .listRef(ListStorage(values, isTuple: isTuple))
    }
}
