import DFXBasics

/// One render (or macro call) in progress: output buffer, step fuel, call depth, current file.
/// A renderer is used on one thread; compiled templates are shared read-only.
final class Renderer {
    let state: EnvironmentState
    let context: [String: Value]
    /// Context values built on first read (see `LazyValue`); looked up after `context`.
    let lazyContext: [String: LazyValue]
    /// The `NameKey.filterBit`s of the context's keys: a name whose bit is clear is not there.
    let contextFilter: UInt64
    let templateMacros: [String: Value]
    let undefinedBehavior: UndefinedBehavior
    @exclusivity(unchecked) var out = OutputBuffer()
    /// Where `~` chains assemble their text; used as a stack (a nested chain works above its
    /// enclosing chain's bytes and truncates back when done).
    @exclusivity(unchecked) var scratch = OutputBuffer()
    @exclusivity(unchecked) var file: SourceFile
    @exclusivity(unchecked) var steps = 0
    let maxSteps: Int
    @exclusivity(unchecked) var depth = 0
    /// Frames captured by macros defined during this render; cleared when it ends, since a frame
    /// holding a macro that closes over it is a reference cycle.
    var capturedFrames: [Frame] = []
    /// The innermost running `for` loop whose `loop` fields are read directly (see
    /// `LoopFieldNode`); kept alive by the running `LoopNode`.
    @exclusivity(unchecked) var currentLoop: Unmanaged<LoopState>?
    /// The value of the `return()` being thrown to the innermost macro call (see `callNative`).
    @exclusivity(unchecked) var pendingReturn: Value?
    /// Where the host's `Environment.call` came from, for the outermost macro's note.
    var hostCallSite: SourceLocation?

    /// The stack address when the render started, to measure stack use.
    let stackBase: UInt = Renderer.stackAddress()
    var deepestStack = 0

    @inline(never)
    static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Bytes of stack used since the render started.
    @inline(__always)
    func stackUsed() -> Int {
        let here = Renderer.stackAddress()
        return here < stackBase ? Int(stackBase - here) : Int(here - stackBase)
    }

    init(
        state: EnvironmentState, context: [String: Value], lazyContext: [String: LazyValue] = [:], file: SourceFile,
        templateMacros: [String: Value]
    ) {
        self.state = state
        self.context = context
        self.lazyContext = lazyContext
        var filter: UInt64 = 0
        for key in context.keys { filter |= NameKey.filterBit(key) }
        for key in lazyContext.keys { filter |= NameKey.filterBit(key) }
        self.contextFilter = filter
        self.file = file
        self.templateMacros = templateMacros
        self.undefinedBehavior = state.options.undefinedBehavior
        self.maxSteps = state.options.maxSteps
    }

    deinit {
        out.free()
        scratch.free()
    }

    // MARK: Errors

    @inline(never)
    func fail(_ message: String, _ span: Span, hint: String? = nil) -> RenderError {
        RenderError(diagnostic: file.diagnostic(message, start: Int(span.start), length: Int(span.length), hint: hint))
    }

    func text(of span: Span) -> String {
        let start = max(0, min(Int(span.start), file.bytes.count))
        let end = max(start, min(start + Int(span.length), file.bytes.count))
        return String(decoding: file.bytes[start..<end], as: UTF8.self)
    }

    @inline(__always)
    func step(_ span: Span) throws {
        steps += 1
        if steps > maxSteps {
            throw fail(
                "template exceeded the step limit of \(maxSteps) steps", span,
                hint: "look for a runaway loop or recursion; raise maxSteps if the work is legitimate")
        }
    }

    // MARK: Statements

    func execute(_ body: [Stmt], _ frame: Frame) throws {
        for statement in body {
            switch statement {
            case .text(let text):
                text.withBytes { out.append($0) }
            case .output(let expr):
                if case .call = expr.kind {
                    if let value = try evaluateCall(expr, frame, extraKeyword: nil, direct: true) { try write(value, expr) }
                } else {
                    try write(try evaluate(expr, frame), expr)
                }
            case .branches(let branches, let otherwise):
                var taken = false
                for (condition, branch) in branches where try truthy(try evaluate(condition, frame), condition) {
                    try execute(branch, frame)
                    taken = true
                    break
                }
                if !taken, let otherwise { try execute(otherwise, frame) }
            case .loop(let loop):
                try runLoop(loop, frame)
            case .assign(let target, let expr):
                try assign(target, try evaluate(expr, frame), frame)
            case .nothing:
                break
            default:
                try executeOther(statement, frame)
            }
        }
    }

    /// The less frequent statements, kept out of `execute` so its stack frame stays small.
    @inline(never)
    private func executeOther(_ statement: Stmt, _ frame: Frame) throws {
        switch statement {
        case .assignBlock(let target, let body, let filters):
            var value = Value.string(try capture(body, frame))
            for filter in filters { value = try applyFilter(filter, to: value, frame) }
            try assign(target, value, frame)
        case .defineMacro(let definition, let slot):
            capture(frame)
            frame[slot] = .macro(Macro(definition: definition, closure: frame))
        case .callBlock(let definition, let call):
            capture(frame)
            let caller = Value.macro(Macro(definition: definition, closure: frame))
            if let result = try evaluateCall(call, frame, extraKeyword: ("caller", caller), direct: true) {
                try write(result, call)
            }
        case .filterBlock(let filters, let body):
            var value = Value.string(try capture(body, frame))
            for filter in filters { value = try applyFilter(filter, to: value, frame) }
            try write(value, nil)
        case .evaluate(let expr):
            _ = try evaluate(expr, frame)
        case .scope(let assignments, let body):
            let values = try assignments.map { try evaluate($0.1, frame) }
            for (assignment, value) in zip(assignments, values) { try assign(assignment.0, value, frame) }
            try execute(body, frame)
        default:
            break
        }
    }

    private func capture(_ frame: Frame) {
        if capturedFrames.last !== frame { capturedFrames.append(frame) }
    }

    /// Breaks the reference cycles of captured frames; called when a render or host call ends.
    func releaseFrames() {
        for frame in capturedFrames { frame.clear() }
        capturedFrames.removeAll()
    }

    /// Renders `body` after the current output and takes its text back out.
    func capture(_ body: [Stmt], _ frame: Frame) throws -> String {
        let mark = out.count
        defer { out.truncate(to: mark) }
        try execute(body, frame)
        return out.string(from: mark)
    }

    /// Appends a value's text; undefined prints nothing (lenient) or fails.
    func write(_ value: Value, _ expr: Expr?) throws {
        switch value {
        case .string(let text):
            out.appendUTF8(text)
        case .int(let number):
            out.appendDecimal(number)
        case .undefined:
            // `a if c` with no else prints nothing in every mode, as Jinja2's implicit else does.
            if case .conditional(_, _, nil)? = expr?.kind { return }
            if undefinedBehavior != .lenient, let expr { throw undefinedError(expr) }
        default:
            out.appendUTF8(value.renderedString())
        }
    }

    @inline(never)
    func undefinedError(_ expr: Expr) -> RenderError {
        if case .name(let ref) = expr.kind {
            return fail("'\(ref.name)' is undefined", expr.span, hint: nameHint(ref.name))
        }
        return fail("'\(text(of: expr.span))' is undefined", expr.span)
    }

    /// "did you mean" over every name visible to a render.
    func nameHint(_ name: String) -> String? {
        var candidates = Set(context.keys)
        candidates.formUnion(lazyContext.keys)
        candidates.formUnion(state.globals.keys)
        candidates.formUnion(state.macros.keys)
        candidates.formUnion(templateMacros.keys)
        return Suggestions.hint(for: name, in: candidates)
    }

    /// Python truthiness; strict mode refuses undefined.
    @inline(__always)
    func truthy(_ value: Value, _ expr: Expr) throws -> Bool {
        if case .undefined = value, undefinedBehavior == .strict { throw undefinedError(expr) }
        return value.isTruthy
    }

    // MARK: Loops and assignment

    private func runLoop(_ loop: ForLoop, _ frame: Frame) throws {
        let iterable = try evaluate(loop.iterable, frame)
        var items = try iterate(iterable, loop.iterable)
        if let condition = loop.condition {
            var kept: [Value] = []
            for item in items {
                try step(loop.span)
                try assign(loop.target, item, frame)
                if try truthy(try evaluate(condition, frame), condition) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            if let otherwise = loop.otherwise { try execute(otherwise, frame) }
            return
        }
        var state: LoopState?
        if let slot = loop.loopSlot {
            let created = LoopState(items: items)
            state = created
            frame[slot] = .object(created)
        }
        for (position, item) in items.enumerated() {
            try step(loop.span)
            state?.index0 = position
            try assign(loop.target, item, frame)
            try execute(loop.body, frame)
        }
    }

    /// The items a `for` loop or filter iterates over.
    func iterate(_ value: Value, _ expr: Expr?) throws -> [Value] {
        switch value {
        case .listRef(let storage): return storage.items
        case .dictRef(let storage): return storage.keys
        case .string(let text): return text.map { .string(String($0)) }
        case .object(let object) where object.iterationValues != nil: return object.iterationValues ?? []
        case .undefined:
            if undefinedBehavior != .lenient, let expr { throw undefinedError(expr) }
            return []
        default:
            let span = expr?.span ?? Span(0, 1)
            throw fail("'\(value.typeName)' object is not iterable", span)
        }
    }

    func assign(_ target: AssignTarget, _ value: Value, _ frame: Frame) throws {
        switch target {
        case .slot(let slot, _):
            frame[slot] = value
        case .tuple(let targets, let span):
            let items: [Value]
            switch value {
            case .listRef(let storage): items = storage.items
            case .string(let text): items = text.map { .string(String($0)) }
            case .dictRef(let storage): items = storage.keys
            default: throw fail("cannot unpack non-iterable '\(value.typeName)' object", span)
            }
            guard items.count == targets.count else {
                let which = items.count > targets.count ? "too many" : "not enough"
                throw fail("\(which) values to unpack (expected \(targets.count), got \(items.count))", span)
            }
            for (inner, item) in zip(targets, items) { try assign(inner, item, frame) }
        case .attribute(let base, let name, let span):
            let object = try evaluate(base, frame)
            guard case .dictRef(let storage) = object, storage.isNamespace else {
                throw fail("cannot assign attribute '\(name)' on a '\(object.typeName)'; only namespace() objects allow it", span)
            }
            storage.set(.string(name), value)
        }
    }
}
