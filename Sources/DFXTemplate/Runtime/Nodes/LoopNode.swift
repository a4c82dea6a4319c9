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
    /// For `for k, v in d.items()` (two plain names, no `if`): the `d.items()` call and the two
    /// slots; a dict's keys and values are then bound in place, without a list of pairs.
    let itemsCall: CallNode?
    let keySlot: Int
    let valueSlot: Int
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
        if loop.condition == nil, case .tuple(let targets, _) = loop.target, targets.count == 2,
            case .slot(let first, _) = targets[0], case .slot(let second, _) = targets[1],
            let call = iterable as? CallNode, call.methodBase != nil, call.methodName == "items",
            call.arguments.positional.isEmpty, call.arguments.keywordNames.isEmpty
        {
            itemsCall = call
            keySlot = first
            valueSlot = second
        } else {
            itemsCall = nil
            keySlot = -1
            valueSlot = -1
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
        if let itemsCall, let base = itemsCall.methodBase {
            // What `itemsCall.call` does, up to the base's value.
            try renderer.step(itemsCall.expr.span)
            let dict = try base.evaluate(renderer, frame)
            if case .dictRef(let storage) = dict {
                // `items()` would copy the keys and values too: changes in the body are not seen.
                return try runPairs(keys: storage.keys, values: storage.values, renderer, frame)
            }
            let source = try itemsCall.callMethod(on: dict, renderer, frame, extraKeyword: nil, direct: false) ?? .none
            return try run(source, renderer, frame)
        }
        try run(try iterable.evaluate(renderer, frame), renderer, frame)
    }

    /// `for k, v in d.items()` over a dict: each key and value bound as the pair would be.
    private func runPairs(keys: [Value], values: [Value], _ renderer: Renderer, _ frame: Frame) throws {
        if keys.isEmpty {
            if let otherwise { try renderer.run(otherwise, frame) }
            return
        }
        guard let loopSlot else {
            for position in keys.indices {
                try renderer.step(span)
                frame[keySlot] = keys[position]
                frame[valueSlot] = values[position]
                try renderer.run(body.refs, frame)
            }
            return
        }
        let outer = renderer.currentLoop
        let state = LoopState(
            items: keys, pairedValues: values, frame: publishesState ? ObjectIdentifier(frame) : nil, slot: loopSlot)
        frame[loopSlot] = .object(state)
        if publishesState { renderer.currentLoop = Unmanaged.passUnretained(state) }
        defer { renderer.currentLoop = outer }
        for position in keys.indices {
            try renderer.step(span)
            state.index0 = position
            frame[keySlot] = keys[position]
            frame[valueSlot] = values[position]
            try renderer.run(body.refs, frame)
        }
    }

    /// Runs the loop over `source`, the iterable's value.
    private func run(_ source: Value, _ renderer: Renderer, _ frame: Frame) throws {
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
