/// A dict display `{'a': 1}`.
final class DictNode: ExprNode, @unchecked Sendable {
    let keys: NodeList<ExprNode>
    let values: NodeList<ExprNode>
    /// When every key is a distinct string literal: the keys, made once.
    let constantKeys: [Value]?
    /// Their shared key table.
    let shape: KeyShape?
    /// With constant keys, when every value is a literal too: the values, made once (copied on a
    /// dict's first change).
    let constantValues: [Value]?

    init(_ expr: Expr, pairs: [(Expr, Expr)]) {
        keys = Lowering.expressions(pairs.map(\.0))
        values = Lowering.expressions(pairs.map(\.1))
        let strings = keys.nodes.compactMap { node -> String? in
            if let literal = node as? LiteralNode, case .string(let text) = literal.value { return text }
            return nil
        }
        let distinct = strings.count == keys.count && Set(strings).count == strings.count
        constantKeys = distinct ? strings.map { .string($0) } : nil
        shape = distinct ? KeyShape(strings) : nil
        let literals = values.nodes.compactMap { ($0 as? LiteralNode)?.value }
        constantValues = distinct && literals.count == values.count ? literals : nil
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if let constantKeys, let constantValues {
            return .dictRef(DictStorage(distinctKeys: constantKeys, values: constantValues, shape: shape))
        }
        if let constantKeys {
            var evaluated: [Value] = []
            evaluated.reserveCapacity(constantKeys.count)
            for node in values.refs { evaluated.append(try node._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }) }
            return .dictRef(DictStorage(distinctKeys: constantKeys, values: evaluated, shape: shape))
        }
        let storage = DictStorage(capacity: keys.count)
        for index in keys.refs.indices {
            let key = try keys.refs[index]._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }
            let value = try values.refs[index]._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }
            guard storage.set(key, value) else {
                throw renderer.fail("unhashable dict key of type '\(key.typeName)'", keys.nodes[index].expr.span)
            }
        }
        return .dictRef(storage)
    }
}
