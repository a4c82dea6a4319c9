/// The render-time form of a statement (see `ExprNode`). The base class runs the original `Stmt`
/// through the enum executor: the fallback for the less frequent statements.
class StmtNode: @unchecked Sendable {
    /// The original statement, as a one-element body for the enum executor.
    let original: [Stmt]

    init(_ statement: Stmt) { self.original = [statement] }

    func execute(_ renderer: Renderer, _ frame: Frame) throws {
        try renderer.execute(original, frame)
    }
}

/// Literal template text, pre-encoded.
final class TextNode: StmtNode, @unchecked Sendable {
    /// The bytes in memory this node owns (appending from an array field would retain it each time).
    let bytes: UnsafeMutableBufferPointer<UInt8>

    init(_ statement: Stmt, bytes: [UInt8]) {
        self.bytes = UnsafeMutableBufferPointer.allocate(capacity: bytes.count)
        _ = self.bytes.initialize(from: bytes)
        super.init(statement)
    }

    deinit { bytes.deallocate() }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        renderer.out.append(UnsafeBufferPointer(bytes))
    }
}

/// `{{ value }}`; a call to a macro renders straight into the output.
final class OutputNode: StmtNode, @unchecked Sendable {
    let value: ExprNode
    let call: CallNode?
    /// A call the enum path handles (`*args`/`**kwargs`), still rendered directly.
    let isOtherCall: Bool
    /// `a if c` without else prints nothing even in strict mode.
    let isBareConditional: Bool
    /// For `{{ name }}` of a variable of this frame: its slot, else -1.
    let localSlot: Int

    init(_ statement: Stmt, value: ExprNode) {
        self.value = value
        if let name = value as? NameNode, name.slot >= 0, name.depth == 0 { localSlot = name.slot } else { localSlot = -1 }
        self.call = value as? CallNode
        if case .call = value.expr.kind { isOtherCall = call == nil } else { isOtherCall = false }
        if case .conditional(_, _, nil) = value.expr.kind { isBareConditional = true } else { isBareConditional = false }
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        if localSlot >= 0, frame.appendText(ofSlot: localSlot, to: &renderer.out) { return }
        let result: Value
        if let call {
            guard let value = try call.call(renderer, frame, extraKeyword: nil, direct: true) else { return }
            result = value
        } else if isOtherCall {
            guard let value = try renderer.evaluateCall(value.expr, frame, extraKeyword: nil, direct: true) else { return }
            result = value
        } else {
            result = try value.evaluate(renderer, frame)
        }
        switch result {
        case .string(let text):
            renderer.out.appendUTF8(text)
        case .int(let number):
            renderer.out.appendDecimal(number)
        case .undefined:
            if isBareConditional { return }
            if renderer.undefinedBehavior != .lenient { throw renderer.undefinedError(value.expr) }
        default:
            renderer.out.appendUTF8(result.renderedString())
        }
    }
}

/// `{% if %}` / `{% elif %}` / `{% else %}`.
final class BranchesNode: StmtNode, @unchecked Sendable {
    let conditions: NodeList<ExprNode>
    let bodies: [NodeList<StmtNode>]
    let otherwise: NodeList<StmtNode>?

    init(_ statement: Stmt, branches: [(Expr, [Stmt])], otherwise: [Stmt]?) {
        conditions = Lowering.expressions(branches.map(\.0))
        bodies = branches.map { Lowering.statements($0.1) }
        self.otherwise = otherwise.map(Lowering.statements)
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        for index in conditions.refs.indices {
            let holds = try conditions.refs[index]._withUnsafeGuaranteedRef { condition in
                try renderer.truthy(try condition.evaluate(renderer, frame), condition)
            }
            if holds {
                try renderer.run(bodies[index].refs, frame)
                return
            }
        }
        if let otherwise { try renderer.run(otherwise.refs, frame) }
    }
}

/// `{% set target = value %}`.
final class AssignNode: StmtNode, @unchecked Sendable {
    let target: AssignTarget
    /// The slot of a plain-name target, else -1.
    let slot: Int
    let value: ExprNode

    init(_ statement: Stmt, target: AssignTarget, value: ExprNode) {
        self.target = target
        if case .slot(let slot, _) = target { self.slot = slot } else { self.slot = -1 }
        self.value = value
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        let result = try value.evaluate(renderer, frame)
        if slot >= 0 {
            frame[slot] = result
        } else {
            try renderer.assign(target, result, frame)
        }
    }
}

/// `{% do expression %}`.
final class EvaluateNode: StmtNode, @unchecked Sendable {
    let value: ExprNode

    init(_ statement: Stmt, value: ExprNode) {
        self.value = value
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        _ = try value.evaluate(renderer, frame)
    }
}
