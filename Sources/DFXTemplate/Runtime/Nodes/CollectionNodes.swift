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

/// A dict display `{'a': 1}`.
final class DictNode: ExprNode, @unchecked Sendable {
    let keys: NodeList<ExprNode>
    let values: NodeList<ExprNode>
    /// When every key is a distinct string literal: the keys, made once.
    let constantKeys: [Value]?

    init(_ expr: Expr, pairs: [(Expr, Expr)]) {
        keys = Lowering.expressions(pairs.map(\.0))
        values = Lowering.expressions(pairs.map(\.1))
        let strings = keys.nodes.compactMap { node -> String? in
            if let literal = node as? LiteralNode, case .string(let text) = literal.value { return text }
            return nil
        }
        constantKeys = strings.count == keys.count && Set(strings).count == strings.count ? strings.map { .string($0) } : nil
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if let constantKeys {
            var evaluated: [Value] = []
            evaluated.reserveCapacity(constantKeys.count)
            for node in values.refs { evaluated.append(try node._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }) }
            return .dictRef(DictStorage(distinctKeys: constantKeys, values: evaluated))
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

/// `base[key]`.
final class ItemNode: ExprNode, @unchecked Sendable {
    let base: ExprNode
    let key: ExprNode

    init(_ expr: Expr, base: ExprNode, key: ExprNode) {
        self.base = base
        self.key = key
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let container = try base.evaluate(renderer, frame)
        let index = try key.evaluate(renderer, frame)
        return try renderer.item(of: container, index, base.expr)
    }
}

/// Arithmetic `left op right` (not `~`, which is `ConcatNode`).
final class BinaryNode: ExprNode, @unchecked Sendable {
    let op: BinaryOperator
    let left: ExprNode
    let right: ExprNode

    init(_ expr: Expr, op: BinaryOperator, left: ExprNode, right: ExprNode) {
        self.op = op
        self.left = left
        self.right = right
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let leftValue = try left.evaluate(renderer, frame)
        let rightValue = try right.evaluate(renderer, frame)
        if case .undefined = leftValue { throw renderer.undefinedError(left.expr) }
        if case .undefined = rightValue { throw renderer.undefinedError(right.expr) }
        do {
            return try Operators.binary(op, leftValue, rightValue)
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, expr.span, hint: error.hint)
        }
    }
}

/// `base is test(arguments)` / `base is not test(arguments)`.
final class TestNode: ExprNode, @unchecked Sendable {
    let base: ExprNode
    let function: TestFunction
    let arguments: NodeList<ExprNode>
    let negated: Bool
    let span: Span

    init(_ expr: Expr, base: ExprNode, test: TestCall) {
        self.base = base
        self.function = test.function
        self.arguments = Lowering.expressions(test.arguments)
        self.negated = test.negated
        self.span = test.span
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let value = try base.evaluate(renderer, frame)
        var values: [Value] = []
        if !arguments.isEmpty {
            values.reserveCapacity(arguments.count)
            for node in arguments.refs { values.append(try node._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }) }
        }
        do {
            return .bool(try function(renderer, value, values) != negated)
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, span, hint: error.hint)
        }
    }
}
