/// `left and right` / `left or right`, short-circuiting and returning an operand as Python does.
final class LogicNode: ExprNode, @unchecked Sendable {
    let left: ExprNode
    let right: ExprNode
    let isAnd: Bool

    init(_ expr: Expr, left: ExprNode, right: ExprNode, isAnd: Bool) {
        self.left = left
        self.right = right
        self.isAnd = isAnd
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let value = try left.evaluate(renderer, frame)
        if try renderer.truthy(value, left) == isAnd { return try right.evaluate(renderer, frame) }
        return value
    }
}

/// `not operand`.
final class NotNode: ExprNode, @unchecked Sendable {
    let operand: ExprNode

    init(_ expr: Expr, operand: ExprNode) {
        self.operand = operand
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        .bool(!(try renderer.truthy(try operand.evaluate(renderer, frame), operand)))
    }
}

/// `then if condition else otherwise` (no `else`: undefined).
final class ConditionalNode: ExprNode, @unchecked Sendable {
    let condition: ExprNode
    let then: ExprNode
    let otherwise: ExprNode?

    init(_ expr: Expr, condition: ExprNode, then: ExprNode, otherwise: ExprNode?) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        if try renderer.truthy(try condition.evaluate(renderer, frame), condition) {
            return try then.evaluate(renderer, frame)
        }
        guard let otherwise else { return .undefined }
        return try otherwise.evaluate(renderer, frame)
    }
}

/// `a ~ b ~ c ...`: a left-leaning chain of `~` flattened into one node that builds one string.
final class ConcatNode: ExprNode, @unchecked Sendable {
    /// The operands in order.
    let parts: NodeList<ExprNode>
    /// `spans[i]` is the span of the `~` expression that adds part `i` (i >= 1), for size errors.
    let spans: [Span]

    init(_ expr: Expr, left: Expr, right: Expr) {
        var operands = [right]
        var spans = [expr.span]
        var current = left
        while case .binary(.concat, let innerLeft, let innerRight) = current.kind {
            operands.append(innerRight)
            spans.append(current.span)
            current = innerLeft
        }
        operands.append(current)
        spans.append(current.span)
        self.parts = Lowering.expressions(operands.reversed())
        self.spans = spans.reversed()
        super.init(expr)
    }

    @inline(__always)
    private func part(_ index: Int, _ renderer: Renderer, _ frame: Frame) throws -> Value {
        try parts.refs[index]._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }
    }

    @inline(__always)
    private func check(_ value: Value, _ index: Int, _ renderer: Renderer) throws {
        if case .undefined = value, renderer.undefinedBehavior != .lenient {
            throw renderer.undefinedError(parts.nodes[index].expr)
        }
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        // Same order as the nested form: both first operands, then their checks, then each next one.
        let first = try part(0, renderer, frame)
        let second = try part(1, renderer, frame)
        try check(first, 0, renderer)
        try check(second, 1, renderer)
        var result = first.renderedString()
        try append(second, to: &result, 1, renderer)
        var index = 2
        while index < parts.refs.count {
            let value = try part(index, renderer, frame)
            try check(value, index, renderer)
            try append(value, to: &result, index, renderer)
            index += 1
        }
        return .string(result)
    }

    @inline(__always)
    private func append(_ value: Value, to result: inout String, _ index: Int, _ renderer: Renderer) throws {
        let text = value.renderedString()
        guard result.utf8.count + text.utf8.count <= Operators.maxSize else {
            throw renderer.fail("string is too large", spans[index])
        }
        if result.isEmpty {
            result = text
        } else if !text.isEmpty {
            result.append(text)
        }
    }
}

/// A comparison chain `a < b <= c`.
final class CompareNode: ExprNode, @unchecked Sendable {
    let first: ExprNode
    let operators: [CompareOperator]
    let operands: [ExprNode]

    init(_ expr: Expr, first: ExprNode, operators: [CompareOperator], operands: [ExprNode]) {
        self.first = first
        self.operators = operators
        self.operands = operands
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        var left = try first.evaluate(renderer, frame)
        var leftNode = first
        for index in operands.indices {
            let rightNode = operands[index]
            let right = try rightNode.evaluate(renderer, frame)
            if renderer.undefinedBehavior != .lenient {
                if case .undefined = left { throw renderer.undefinedError(leftNode.expr) }
                if case .undefined = right { throw renderer.undefinedError(rightNode.expr) }
            }
            leftNode = rightNode
            let holds: Bool
            do {
                holds = try Operators.compare(operators[index], left, right)
            } catch let error as TemplateRuntimeError {
                throw renderer.fail(error.message, expr.span, hint: error.hint)
            }
            if !holds { return .bool(false) }
            left = right
        }
        return .bool(true)
    }
}
