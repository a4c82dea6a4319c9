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
    /// For `{{ record.field }}` of a variable of this frame: its slot (else -1), the field's name and
    /// its `NameKey.hash` (printed in place without a call to the attribute node).
    let recordSlot: Int
    let fieldName: String
    let fieldHash: UInt64

    init(_ statement: Stmt, value: ExprNode) {
        self.value = value
        if let name = value as? NameNode, name.slot >= 0, name.depth == 0 { localSlot = name.slot } else { localSlot = -1 }
        if let attribute = value as? AttributeNode, attribute.localSlot >= 0 {
            recordSlot = attribute.localSlot
            fieldName = attribute.name
            fieldHash = attribute.hash
        } else {
            recordSlot = -1
            fieldName = ""
            fieldHash = 0
        }
        self.call = value as? CallNode
        if case .call = value.expr.kind { isOtherCall = call == nil } else { isOtherCall = false }
        if case .conditional(_, _, nil) = value.expr.kind { isBareConditional = true } else { isBareConditional = false }
        super.init(statement)
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        if localSlot >= 0, frame.appendText(ofSlot: localSlot, to: &renderer.out) { return }
        if recordSlot >= 0, frame.appendText(ofSlot: recordSlot, attribute: fieldName, hash: fieldHash, to: &renderer.out) { return }
        if let call {
            guard let result = try call.call(renderer, frame, extraKeyword: nil, direct: true) else { return }
            try emit(result, renderer)
        } else if isOtherCall {
            guard let result = try renderer.evaluateCall(value.expr, frame, extraKeyword: nil, direct: true) else { return }
            try emit(result, renderer)
        } else {
            try value.write(renderer, frame, self)
        }
    }

    /// Prints a value this statement's expression produced.
    @inline(__always)
    func emit(_ result: Value, _ renderer: Renderer) throws {
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
