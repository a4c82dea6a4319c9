extension Renderer {
    func evaluate(_ expr: Expr, _ frame: Frame) throws -> Value {
        switch expr.kind {
        case .literal(let value):
            return value
        case .name(let ref):
            if ref.slot >= 0, let value = frame.frame(atDepth: ref.depth)?[ref.slot] { return value }
            return lookup(ref.name)
        case .attribute(let baseExpr, let name):
            let base = try evaluate(baseExpr, frame)
            return try attribute(of: base, name, baseExpr)
        case .call:
            return try evaluateCall(expr, frame, extraKeyword: nil)
        case .filter(let baseExpr, let filter):
            let base = try baseExpr.map { try evaluate($0, frame) } ?? .undefined
            return try applyFilter(filter, to: base, frame, baseExpr: baseExpr)
        case .and(let leftExpr, let rightExpr):
            let left = try evaluate(leftExpr, frame)
            return try truthy(left, leftExpr) ? try evaluate(rightExpr, frame) : left
        case .or(let leftExpr, let rightExpr):
            let left = try evaluate(leftExpr, frame)
            return try truthy(left, leftExpr) ? left : try evaluate(rightExpr, frame)
        case .not(let operand):
            return .bool(!(try truthy(try evaluate(operand, frame), operand)))
        case .conditional(let condition, let then, let otherwise):
            if try truthy(try evaluate(condition, frame), condition) { return try evaluate(then, frame) }
            return try otherwise.map { try evaluate($0, frame) } ?? .undefined
        default:
            return try evaluateOther(expr, frame)
        }
    }

    /// The less frequent expression kinds, kept out of `evaluate` so its stack frame stays small.
    @inline(never)
    func evaluateOther(_ expr: Expr, _ frame: Frame) throws -> Value {
        switch expr.kind {
        case .list(let items):
            return .list(try items.map { try evaluate($0, frame) })
        case .tuple(let items):
            return .tuple(try items.map { try evaluate($0, frame) })
        case .dict(let pairs):
            let storage = DictStorage(capacity: pairs.count)
            for (keyExpr, valueExpr) in pairs {
                let key = try evaluate(keyExpr, frame)
                guard storage.set(key, try evaluate(valueExpr, frame)) else {
                    throw fail("unhashable dict key of type '\(key.typeName)'", keyExpr.span)
                }
            }
            return .dictRef(storage)
        case .item(let baseExpr, let keyExpr):
            let base = try evaluate(baseExpr, frame)
            let key = try evaluate(keyExpr, frame)
            return try item(of: base, key, baseExpr)
        case .slice(let baseExpr, let lower, let upper, let stride):
            let base = try evaluate(baseExpr, frame)
            return try slice(
                base, try lower.map { try evaluate($0, frame) }, try upper.map { try evaluate($0, frame) },
                try stride.map { try evaluate($0, frame) }, expr)
        case .test(let baseExpr, let test):
            let base = try evaluate(baseExpr, frame)
            let arguments = try test.arguments.map { try evaluate($0, frame) }
            do {
                let result = try test.function(self, base, arguments)
                return .bool(result != test.negated)
            } catch let error as TemplateRuntimeError {
                throw fail(error.message, test.span, hint: error.hint)
            }
        case .negate(let operand):
            let value = try evaluate(operand, frame)
            switch value {
            case .int(let number):
                guard number != Int.min else { throw fail("integer overflow", expr.span) }
                return .int(-number)
            case .double(let number): return .double(-number)
            case .bool(let flag): return .int(flag ? -1 : 0)
            case .undefined: throw undefinedError(operand)
            default: throw fail("bad operand type for unary -: '\(value.typeName)'", expr.span)
            }
        case .plus(let operand):
            let value = try evaluate(operand, frame)
            guard let number = value.numeric else {
                if case .undefined = value { throw undefinedError(operand) }
                throw fail("bad operand type for unary +: '\(value.typeName)'", expr.span)
            }
            return number
        case .binary(let op, let leftExpr, let rightExpr):
            let left = try evaluate(leftExpr, frame)
            let right = try evaluate(rightExpr, frame)
            if op == .concat {
                if undefinedBehavior != .lenient {
                    if case .undefined = left { throw undefinedError(leftExpr) }
                    if case .undefined = right { throw undefinedError(rightExpr) }
                }
                do {
                    return .string(try Operators.concatenate(left.renderedString(), right.renderedString()))
                } catch let error as TemplateRuntimeError {
                    throw fail(error.message, expr.span)
                }
            }
            if case .undefined = left { throw undefinedError(leftExpr) }
            if case .undefined = right { throw undefinedError(rightExpr) }
            do {
                return try Operators.binary(op, left, right)
            } catch let error as TemplateRuntimeError {
                throw fail(error.message, expr.span, hint: error.hint)
            }
        case .compare(let firstExpr, let rest):
            var left = try evaluate(firstExpr, frame)
            var leftExpr = firstExpr
            for (op, rightExpr) in rest {
                let right = try evaluate(rightExpr, frame)
                if undefinedBehavior != .lenient {
                    if case .undefined = left { throw undefinedError(leftExpr) }
                    if case .undefined = right { throw undefinedError(rightExpr) }
                }
                leftExpr = rightExpr
                let holds: Bool
                do {
                    holds = try Operators.compare(op, left, right)
                } catch let error as TemplateRuntimeError {
                    throw fail(error.message, expr.span, hint: error.hint)
                }
                if !holds { return .bool(false) }
                left = right
            }
            return .bool(true)
        default:
            return try evaluate(expr, frame)
        }
    }

    /// A free name: render context, then globals, then this template's macros, then registered
    /// macros and macro namespaces.
    func lookup(_ name: String) -> Value {
        lookup(name, hash: NameKey.hash(name), filterBit: NameKey.filterBit(name))
    }

    /// A free name, with its `NameKey`s (a name node has them from compile time).
    @inline(__always)
    func lookup(_ name: String, hash: UInt64, filterBit: UInt64) -> Value {
        if contextFilter & filterBit != 0 {
            if let value = context[name] { return value }
            if !lazyContext.isEmpty, let lazy = lazyContext[name] { return lazy.value }
        }
        // `state.freeNames` merges globals, registered macros and namespaces; this template's own
        // macros rank between the globals and the rest.
        guard let found = state.freeNames.find(name, hash: hash) else { return templateMacros[name] ?? .undefined }
        if found.origin == .global || templateMacros.isEmpty { return found.value }
        return templateMacros[name] ?? found.value
    }

    func attribute(of base: Value, _ name: String, _ baseExpr: Expr) throws -> Value {
        switch base {
        case .dictRef(let storage): return storage.get(name) ?? .undefined
        case .object(let object): return object.attribute(name) ?? .undefined
        case .listRef(let storage):
            guard let index = storage.fieldNames?.firstIndex(of: name), index < storage.items.count else { return .undefined }
            return storage.items[index]
        case .undefined: throw undefinedError(baseExpr)
        default: return .undefined
        }
    }

    func item(of base: Value, _ key: Value, _ baseExpr: Expr) throws -> Value {
        switch (base, key) {
        case (.listRef(let storage), _):
            guard let index = key.asInt else { return .undefined }
            let resolved = index < 0 ? index + storage.items.count : index
            return resolved >= 0 && resolved < storage.items.count ? storage.items[resolved] : .undefined
        case (.dictRef(let storage), _):
            return storage.get(key) ?? .undefined
        case (.string(let text), _):
            guard let index = key.asInt else { return .undefined }
            let characters = Array(text)
            let resolved = index < 0 ? index + characters.count : index
            return resolved >= 0 && resolved < characters.count ? .string(String(characters[resolved])) : .undefined
        case (.object(let object), .string(let name)):
            return object.attribute(name) ?? object.item(key) ?? .undefined
        case (.object(let object), _):
            return object.item(key) ?? .undefined
        case (.undefined, _):
            throw undefinedError(baseExpr)
        default:
            return .undefined
        }
    }

    func slice(_ base: Value, _ lower: Value?, _ upper: Value?, _ stride: Value?, _ expr: Expr) throws -> Value {
        func bound(_ value: Value?) throws -> Int? {
            guard let value, !value.isNone else { return nil }
            guard let number = value.asInt else { throw fail("slice indices must be integers or None", expr.span) }
            return number
        }
        let step = try bound(stride) ?? 1
        guard step != 0 else { throw fail("slice step cannot be zero", expr.span) }
        let start = try bound(lower)
        let stop = try bound(upper)
        func pick<T>(_ items: [T]) -> [T] {
            let count = items.count
            func clamp(_ index: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
                guard let index else { return fallback }
                let adjusted = index < 0 ? index + count : index
                return min(max(adjusted, low), high)
            }
            var result: [T] = []
            if step > 0 {
                var position = clamp(start, 0, low: 0, high: count)
                let end = clamp(stop, count, low: 0, high: count)
                while position < end {
                    result.append(items[position])
                    let (next, overflowed) = position.addingReportingOverflow(step)
                    if overflowed { break }
                    position = next
                }
            } else {
                var position = clamp(start, count - 1, low: -1, high: count - 1)
                let end = clamp(stop, -1, low: -1, high: count - 1)
                while position > end {
                    result.append(items[position])
                    let (next, overflowed) = position.addingReportingOverflow(step)
                    if overflowed { break }
                    position = next
                }
            }
            return result
        }
        switch base {
        case .listRef(let storage):
            let items = pick(storage.items)
            return storage.isTuple ? .tuple(items) : .list(items)
        case .string(let text): return .string(String(pick(Array(text))))
        case .undefined: throw undefinedError(expr)
        default: throw fail("'\(base.typeName)' object is not subscriptable", expr.span)
        }
    }
}
