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
        // The bytes go to the renderer's scratch buffer and become one string at the end (String's
        // own append reallocates as a short string outgrows its inline form).
        let mark = renderer.scratch.count
        defer { renderer.scratch.truncate(to: mark) }
        try assemble(renderer, frame, mark, toOutput: false)
        return .string(renderer.scratch.string(from: mark))
    }

    /// `{{ a ~ b }}`: the parts go straight into the output, no string is built.
    override func write(_ renderer: Renderer, _ frame: Frame, _ site: OutputNode) throws {
        try writeParts(renderer, frame)
    }

    /// Appends the chain's text to the output (for this node's and byte-mapping filters' `write`).
    @inline(__always)
    func writeParts(_ renderer: Renderer, _ frame: Frame) throws {
        try assemble(renderer, frame, renderer.out.count, toOutput: true)
    }

    /// Evaluates the parts and appends their text to the output or the scratch buffer, from `mark`.
    /// Same order as the nested form: both first operands, then their checks, then each next one.
    @inline(__always)
    private func assemble(_ renderer: Renderer, _ frame: Frame, _ mark: Int, toOutput: Bool) throws {
        let first = try part(0, renderer, frame)
        let second = try part(1, renderer, frame)
        try check(first, 0, renderer)
        try check(second, 1, renderer)
        if toOutput { renderer.out.appendText(of: first) } else { renderer.scratch.appendText(of: first) }
        try append(second, 1, mark, renderer, toOutput)
        var index = 2
        while index < parts.refs.count {
            let value = try part(index, renderer, frame)
            try check(value, index, renderer)
            try append(value, index, mark, renderer, toOutput)
            index += 1
        }
    }

    @inline(__always)
    private func append(_ value: Value, _ index: Int, _ mark: Int, _ renderer: Renderer, _ toOutput: Bool) throws {
        let size: Int
        if toOutput {
            renderer.out.appendText(of: value)
            size = renderer.out.count - mark
        } else {
            renderer.scratch.appendText(of: value)
            size = renderer.scratch.count - mark
        }
        guard size <= Operators.maxSize else {
            throw renderer.fail("string is too large", spans[index])
        }
    }
}
