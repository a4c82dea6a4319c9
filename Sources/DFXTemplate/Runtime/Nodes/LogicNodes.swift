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

/// `left ~ right`.
final class ConcatNode: ExprNode, @unchecked Sendable {
    let left: ExprNode
    let right: ExprNode

    init(_ expr: Expr, left: ExprNode, right: ExprNode) {
        self.left = left
        self.right = right
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let leftValue = try left.evaluate(renderer, frame)
        let rightValue = try right.evaluate(renderer, frame)
        if renderer.undefinedBehavior != .lenient {
            if case .undefined = leftValue { throw renderer.undefinedError(left.expr) }
            if case .undefined = rightValue { throw renderer.undefinedError(right.expr) }
        }
        do {
            return .string(try Operators.concatenate(leftValue.renderedString(), rightValue.renderedString()))
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, expr.span)
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
