import DFXBasics

extension Renderer {
    /// Evaluates positional, keyword, `*args` and `**kwargs` arguments.
    func evaluateArguments(_ arguments: CallArguments, _ frame: Frame) throws -> ([Value], [(String, Value)]) {
        var positional: [Value] = []
        positional.reserveCapacity(arguments.positional.count)
        for expr in arguments.positional { positional.append(try evaluate(expr, frame)) }
        if let star = arguments.star {
            let value = try evaluate(star, frame)
            positional.append(contentsOf: try iterate(value, star))
        }
        var keyword: [(String, Value)] = []
        if !arguments.keyword.isEmpty { keyword.reserveCapacity(arguments.keyword.count + 1) }
        for (name, expr) in arguments.keyword { keyword.append((name, try evaluate(expr, frame))) }
        if let doubleStar = arguments.doubleStar {
            let value = try evaluate(doubleStar, frame)
            guard case .dictRef(let storage) = value else {
                throw fail("argument after ** must be a mapping, not '\(value.typeName)'", doubleStar.span)
            }
            for (key, item) in zip(storage.keys, storage.values) { keyword.append((key.renderedString(), item)) }
        }
        return (positional, keyword)
    }

    /// Evaluates a call expression; `extraKeyword` passes `caller` for call blocks.
    func evaluateCall(_ expr: Expr, _ frame: Frame, extraKeyword: (String, Value)?) throws -> Value {
        try evaluateCall(expr, frame, extraKeyword: extraKeyword, direct: false) ?? .none
    }

    /// With `direct`, a macro's output goes straight into the current buffer and nil is returned.
    func evaluateCall(_ expr: Expr, _ frame: Frame, extraKeyword: (String, Value)?, direct: Bool) throws -> Value? {
        guard case .call(let callee, let arguments) = expr.kind else { return try evaluate(expr, frame) }
        try step(expr.span)
        if case .attribute(let baseExpr, let name) = callee.kind {
            let base = try evaluate(baseExpr, frame)
            var (positional, keyword) = try evaluateArguments(arguments, frame)
            if let extraKeyword { keyword.append(extraKeyword) }
            do {
                if let result = try Methods.call(base, name, positional, keyword) { return result }
            } catch let error as TemplateRuntimeError {
                throw fail(error.message, expr.span, hint: error.hint)
            }
            let function = try attribute(of: base, name, baseExpr)
            return try callValue(function, positional, keyword, callee: callee, span: expr.span, direct: direct)
        }
        let function = try evaluate(callee, frame)
        var (positional, keyword) = try evaluateArguments(arguments, frame)
        if let extraKeyword { keyword.append(extraKeyword) }
        return try callValue(function, positional, keyword, callee: callee, span: expr.span, direct: direct)
    }

    func callValue(
        _ function: Value, _ positional: [Value], _ keyword: [(String, Value)], callee: Expr, span: Span,
        direct: Bool = false
    ) throws -> Value? {
        switch function {
        case .macro(let macro):
            return try callMacro(macro, positional, keyword, span: span, direct: direct)
        case .function(let native):
            return try callNative(native, positional, keyword, span: span)
        case .object(let object) where object.isCallable:
            let native = NativeFunction(text(of: callee.span)) { arguments in try object.call(arguments) }
            return try callNative(native, positional, keyword, span: span)
        case .undefined:
            if case .name(let ref) = callee.kind {
                throw fail(
                    "'\(ref.name)' is undefined: no macro, function or variable has this name", callee.span,
                    hint: nameHint(ref.name))
            }
            throw fail("'\(text(of: callee.span))' is undefined and cannot be called", callee.span)
        default:
            throw fail("'\(function.typeName)' object is not callable", callee.span)
        }
    }

    func callNative(_ native: NativeFunction, _ positional: [Value], _ keyword: [(String, Value)], span: Span) throws -> Value {
        if native.isReturn, keyword.isEmpty {
            // `return(x)`: the value waits in `pendingReturn` for the innermost macro call, which
            // takes it without casting the error (the body's `MacroReturn` is for host calls).
            let value = positional.first ?? .none
            pendingReturn = value
            throw MacroReturn(value: value)
        }
        let arguments = Arguments(positional: positional, keyword: keyword, file: file, offset: Int(span.start))
        do {
            return try native.body(arguments)
        } catch let signal where signal is MacroReturn {
            // `return()` (one cast, and the error travels on in its existing box).
            throw signal
        } catch let error as TemplateRuntimeError {
            throw fail(error.message, span, hint: error.hint)
        } catch let error as RenderError {
            throw error
        } catch let error as DiagnosticError {
            if let first = error.diagnostics.first { throw RenderError(diagnostic: first) }
            throw fail("\(native.name)() failed", span)
        } catch {
            throw fail("\(native.name)() failed: \(error)", span)
        }
    }

    /// Binds arguments to a macro's parameters and runs its body; returns its text, or the value
    /// passed to `return()`.
    func callMacro(_ macro: Macro, _ positional: [Value], _ keyword: [(String, Value)], span: Span) throws -> Value {
        try callMacro(macro, positional, keyword, span: span, direct: false) ?? .none
    }

    /// With `direct`, the body renders into the current buffer and nil is returned (unless the macro
    /// calls `return()`, whose value is returned and whose partial output is dropped).
    func callMacro(
        _ macro: Macro, _ positional: [Value], _ keyword: [(String, Value)], span: Span, direct: Bool
    ) throws -> Value? {
        let definition = macro.definition
        try checkNesting(definition, span)
        let frame = Frame.make(slotCount: definition.slotCount, parent: macro.closure)
        let parameters = definition.parameters
        if positional.count > parameters.count, !definition.acceptsVarargs {
            throw fail(
                "macro '\(definition.name)' takes \(parameters.count) positional argument\(parameters.count == 1 ? "" : "s") but \(positional.count) were given",
                span, notes: [signatureNote(definition)])
        }
        for (index, value) in positional.prefix(parameters.count).enumerated() { frame[index] = value }
        var extras: DictStorage?
        for (name, value) in keyword {
            if name == "caller" {
                guard definition.acceptsCaller || definition.acceptsKwargs else {
                    throw fail(
                        "macro '\(definition.name)' does not call caller(), so it cannot be used in a '{% call %}' block",
                        span)
                }
                frame[definition.callerSlot] = value
            } else if let index = definition.parameterNames.firstIndex(of: name) {
                if index < positional.count {
                    throw fail("macro '\(definition.name)' got multiple values for argument '\(name)'", span)
                }
                frame[index] = value
            } else if definition.acceptsKwargs {
                if extras == nil { extras = DictStorage() }
                extras?.set(.string(name), value)
            } else {
                throw fail(
                    "macro '\(definition.name)' has no parameter named '\(name)'", span,
                    hint: Suggestions.hint(for: name, in: parameters.map(\.0)), notes: [signatureNote(definition)])
            }
        }
        if definition.acceptsVarargs {
            frame[definition.varargsSlot] = .tuple(Array(positional.dropFirst(parameters.count)))
        }
        if definition.acceptsKwargs { frame[definition.kwargsSlot] = .dictRef(extras ?? DictStorage()) }
        return try run(definition, frame, span: span, direct: direct)
    }

    /// Whether a call site's `arguments` can be bound straight into `definition`'s frame: a lowered
    /// macro without `*args`/`**kwargs`, no more positional arguments than parameters, and keywords
    /// that all name parameters after the positional ones (anything else is an error or needs the
    /// argument arrays, and takes `callMacro(_:_:_:span:direct:)`). Looks at names only, so both
    /// paths evaluate the arguments in the same order and report the same errors.
    func canBind(_ arguments: ArgumentNodes, to definition: MacroDefinition) -> Bool {
        guard definition.lowered != nil, !definition.acceptsVarargs, !definition.acceptsKwargs,
            arguments.positional.count <= definition.parameters.count
        else { return false }
        for name in arguments.keywordNames {
            guard name != "caller", let index = definition.parameterNames.firstIndex(of: name), index >= arguments.positional.count else {
                return false
            }
        }
        return true
    }

    /// Calls `macro` with the call site's arguments evaluated straight into its frame (no argument
    /// arrays); the caller has checked `canBind`.
    func callMacro(
        _ macro: Macro, binding arguments: ArgumentNodes, from callerFrame: Frame, span: Span, direct: Bool
    ) throws -> Value? {
        let definition = macro.definition
        let frame = Frame.make(slotCount: definition.slotCount, parent: macro.closure)
        for index in arguments.positional.refs.indices {
            frame[index] = try arguments.positional.refs[index]._withUnsafeGuaranteedRef { try $0.evaluate(self, callerFrame) }
        }
        for index in arguments.keywordValues.refs.indices {
            let value = try arguments.keywordValues.refs[index]._withUnsafeGuaranteedRef { try $0.evaluate(self, callerFrame) }
            if let slot = definition.parameterNames.firstIndex(of: arguments.keywordNames[index]) { frame[slot] = value }
        }
        try checkNesting(definition, span)
        return try run(definition, frame, span: span, direct: direct)
    }

    /// Fails when a call to `definition` would nest macro calls too deeply (stack or depth limit).
    @inline(__always)
    private func checkNesting(_ definition: MacroDefinition, _ span: Span) throws {
        let used = stackUsed()
        if used > deepestStack { deepestStack = used }
        if used >= state.options.maxStackBytes {
            throw fail(
                "macro calls nested too deeply (more than \(state.options.maxStackBytes / 1024) KB of stack) calling '\(definition.name)'",
                span, hint: "look for a macro that calls itself without end")
        }
        guard depth < state.options.maxDepth else {
            throw fail(
                "macro calls nested too deeply (more than \(state.options.maxDepth) levels) calling '\(definition.name)'",
                span, hint: "look for a macro that calls itself without end")
        }
    }

    /// Runs a macro's body in `frame` (its arguments bound): defaults, body, `return()`, notes.
    private func run(_ definition: MacroDefinition, _ frame: Frame, span: Span, direct: Bool) throws -> Value? {
        let callFile = file
        let parameters = definition.parameters
        depth += 1
        file = definition.file
        // The body renders after the current output either way; a call whose text is a value
        // takes it back out (no buffer of its own to allocate).
        let mark = out.count
        defer {
            file = callFile
            depth -= 1
        }
        do {
            if let lowered = definition.lowered {
                let defaults = lowered.defaults
                for index in defaults.indices where frame[index] == nil {
                    frame[index] = try defaults[index]?.evaluate(self, frame) ?? .undefined
                }
                try run(lowered.nodes, frame)
            } else {
                for (index, parameter) in parameters.enumerated() where frame[index] == nil {
                    frame[index] = try parameter.1.map { try evaluate($0, frame) } ?? .undefined
                }
                try execute(definition.body, frame)
            }
        } catch {
            if let value = pendingReturn {
                pendingReturn = nil
                out.truncate(to: mark)
                return value
            }
            if let signal = error as? MacroReturn {
                out.truncate(to: mark)
                return signal.value
            }
            guard var error = error as? RenderError else { throw error }
            let defined = definition.file.location(Int(definition.span.start))
            let calledFrom = depth == 1 ? (hostCallSite ?? callFile.location(Int(span.start))) : callFile.location(Int(span.start))
            error.diagnostic.notes.append("in macro '\(definition.name)' (\(defined)), called from \(calledFrom)")
            // An error inside a host's built-in macros (files named `<...>`) is the caller's: point
            // at the first call from a user's file, keep the built-in position as a note.
            if let inside = error.diagnostic.location, inside.file.hasPrefix("<"), !calledFrom.file.hasPrefix("<"),
                calledFrom.file == callFile.path
            {
                error.diagnostic.notes.insert("raised at \(inside) (built in)", at: 0)
                error.diagnostic.location = calledFrom
                error.diagnostic.sourceLine = callFile.lines.lineText(calledFrom.line)
                error.diagnostic.length = max(1, Int(span.length))
            }
            throw error
        }
        if direct { return nil }
        let text = out.string(from: mark)
        out.truncate(to: mark)
        return .string(text)
    }

    private func signatureNote(_ definition: MacroDefinition) -> String {
        let parameters = definition.parameters.map { $0.1 == nil ? $0.0 : $0.0 + "=…" }
        let location = definition.file.location(Int(definition.span.start))
        return "'\(definition.name)' is defined at \(location) as \(definition.name)(\(parameters.joined(separator: ", ")))"
    }

    func fail(_ message: String, _ span: Span, hint: String? = nil, notes: [String]) -> RenderError {
        var error = fail(message, span, hint: hint)
        error.diagnostic.notes = notes
        return error
    }

    /// Applies a compiled filter to a value.
    func applyFilter(_ filter: FilterCall, to value: Value, _ frame: Frame, baseExpr: Expr? = nil) throws -> Value {
        let (positional, keyword) = try evaluateArguments(filter.arguments, frame)
        do {
            if case .undefined = value, undefinedBehavior != .lenient, filter.name != "default", filter.name != "d",
                let baseExpr
            {
                throw undefinedError(baseExpr)
            }
            return try filter.function.call(self, value, FilterArguments(positional: positional, keyword: keyword))
        } catch let error as TemplateRuntimeError {
            throw fail(error.message, filter.span, hint: error.hint)
        }
    }
}
