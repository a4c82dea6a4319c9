/// `callee(arguments)`, including method calls `base.name(arguments)`.
final class CallNode: ExprNode, @unchecked Sendable {
    let callee: ExprNode
    /// For `base.name(...)`: the base, evaluated once for the built-in method and attribute lookup.
    let methodBase: ExprNode?
    let methodName: String
    let arguments: ArgumentNodes
    /// `base.append(x)`: one positional argument, no keywords.
    let isSingleAppend: Bool

    init(_ expr: Expr, callee: ExprNode, arguments: CallArguments) {
        self.callee = callee
        if let attribute = (callee as? AttributeNode) ?? (callee as? LoopFieldNode)?.fallback {
            methodBase = attribute.base
            methodName = attribute.name
        } else {
            methodBase = nil
            methodName = ""
        }
        self.arguments = ArgumentNodes(arguments)
        isSingleAppend = methodName == "append" && self.arguments.positional.count == 1 && self.arguments.keywordNames.isEmpty
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        try call(renderer, frame, extraKeyword: nil, direct: false) ?? .none
    }

    /// With `direct`, a macro's output goes straight into the current buffer and nil is returned.
    func call(_ renderer: Renderer, _ frame: Frame, extraKeyword: (String, Value)?, direct: Bool) throws -> Value? {
        try renderer.step(expr.span)
        if let methodBase {
            return try callMethod(on: try methodBase.evaluate(renderer, frame), renderer, frame, extraKeyword: extraKeyword, direct: direct)
        }
        let function = try callee.evaluate(renderer, frame)
        if extraKeyword == nil, case .macro(let macro) = function, renderer.canBind(arguments, to: macro.definition) {
            return try renderer.callMacro(macro, binding: arguments, from: frame, span: expr.span, direct: direct)
        }
        var (positional, keyword) = try arguments.evaluate(renderer, frame, extra: extraKeyword == nil ? 0 : 1)
        if let extraKeyword { keyword.append(extraKeyword) }
        return try renderer.callValue(function, positional, keyword, callee: callee.expr, span: expr.span, direct: direct)
    }

    /// `base.name(arguments)` once `base` (`methodBase`'s value) is known: the rest of `call`
    /// (`LoopNode` evaluates the base of `d.items()` itself).
    func callMethod(
        on base: Value, _ renderer: Renderer, _ frame: Frame, extraKeyword: (String, Value)?, direct: Bool
    ) throws -> Value? {
        guard let methodBase else { return nil }
        if isSingleAppend, case .listRef(let storage) = base, !storage.isTuple, extraKeyword == nil {
            // `xs.append(x)`, the most frequent method call, without argument arrays.
            let item = try arguments.positional.refs[0]._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }
            // A list filled by a loop starts with room for 16 items instead of growing 1, 2, 4, 8, 16
            // (an empty display allocates nothing until its first append).
            if storage.items.capacity == 0 { storage.items.reserveCapacity(16) }
            storage.items.append(item)
            return Value.none
        }
        var (positional, keyword) = try arguments.evaluate(renderer, frame, extra: extraKeyword == nil ? 0 : 1)
        if let extraKeyword { keyword.append(extraKeyword) }
        do {
            if let result = try Methods.call(base, methodName, positional, keyword) { return result }
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, expr.span, hint: error.hint)
        }
        let function = try renderer.attribute(of: base, methodName, methodBase.expr)
        return try renderer.callValue(function, positional, keyword, callee: callee.expr, span: expr.span, direct: direct)
    }
}
