/// `{% for target in iterable if condition %} body {% else %} otherwise {% endfor %}`.
final class LoopNode: StmtNode, @unchecked Sendable {
    let target: AssignTarget
    /// The slot of a plain-name target, else -1.
    let targetSlot: Int
    let iterable: ExprNode
    let condition: ExprNode?
    let body: NodeList<StmtNode>
    let otherwise: NodeList<StmtNode>?
    let loopSlot: Int?
    /// Whether the body's `loop.<field>` nodes may read this loop's state directly: it has a
    /// `loop` variable that nothing in the body (or the loop's own target) reassigns.
    let publishesState: Bool
    let span: Span

    init(_ statement: Stmt, loop: ForLoop) {
        target = loop.target
        if case .slot(let slot, _) = loop.target { targetSlot = slot } else { targetSlot = -1 }
        iterable = Lowering.expression(loop.iterable)
        condition = loop.condition.map(Lowering.expression)
        body = Lowering.statements(loop.body)
        otherwise = loop.otherwise.map(Lowering.statements)
        loopSlot = loop.loopSlot
        if let slot = loop.loopSlot {
            publishesState = !Lowering.assigns(slot, loop.target) && !Lowering.assigns(slot, in: loop.body)
        } else {
            publishesState = false
        }
        span = loop.span
        super.init(statement)
    }

    @inline(__always)
    private func bind(_ item: Value, _ renderer: Renderer, _ frame: Frame) throws {
        if targetSlot >= 0 {
            frame[targetSlot] = item
        } else {
            try renderer.assign(target, item, frame)
        }
    }

    override func execute(_ renderer: Renderer, _ frame: Frame) throws {
        let source = try iterable.evaluate(renderer, frame)
        var items = try renderer.iterate(source, iterable.expr)
        if let condition {
            var kept: [Value] = []
            for item in items {
                try renderer.step(span)
                try bind(item, renderer, frame)
                if try condition.isTrue(renderer, frame) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            if let otherwise { try renderer.run(otherwise, frame) }
            return
        }
        guard let loopSlot else {
            for position in items.indices {
                try renderer.step(span)
                try bind(items[position], renderer, frame)
                try renderer.run(body.refs, frame)
            }
            return
        }
        let outer = renderer.currentLoop
        let state = LoopState(
            items: items, frame: publishesState ? ObjectIdentifier(frame) : nil, slot: loopSlot)
        frame[loopSlot] = .object(state)
        if publishesState { renderer.currentLoop = Unmanaged.passUnretained(state) }
        defer { renderer.currentLoop = outer }
        for position in items.indices {
            try renderer.step(span)
            state.index0 = position
            try bind(items[position], renderer, frame)
            try renderer.run(body.refs, frame)
        }
    }
}
