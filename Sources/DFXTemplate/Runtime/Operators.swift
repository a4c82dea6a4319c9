#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Python semantics of arithmetic and comparison operators on values.
enum Operators {
    /// Largest string or list an operator may build (guards `'x' * 10**12`).
    static let maxSize = 50_000_000

    static func typeError(_ op: String, _ left: Value, _ right: Value) -> TemplateRuntimeError {
        TemplateRuntimeError("unsupported operand types for \(op): '\(left.typeName)' and '\(right.typeName)'")
    }

    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        switch op {
        case .add:
            switch (left, right) {
            case (.string(let a), .string(let b)): return .string(try concatenate(a, b))
            case (.listRef(let a), .listRef(let b)):
                guard a.items.count + b.items.count <= maxSize else { throw TemplateRuntimeError("list is too large") }
                return a.isTuple ? .tuple(a.items + b.items) : .list(a.items + b.items)
            case (.string, _), (_, .string):
                throw TemplateRuntimeError(
                    "cannot add '\(left.typeName)' and '\(right.typeName)'",
                    hint: "use '~' to join values as text, or convert with |string or |int")
            default: return try arithmetic(op, left, right)
            }
        case .multiply:
            if let (text, count) = repetition(left, right) {
                let (size, overflowed) = text.utf8.count.multipliedReportingOverflow(by: max(0, count))
                guard !overflowed, size <= maxSize else { throw TemplateRuntimeError("string repetition is too large") }
                return .string(count > 0 && !text.isEmpty ? String(repeating: text, count: count) : "")
            }
            if case .listRef(let storage) = left, let count = right.asInt, right.numeric != nil, !isDouble(right) {
                let (size, overflowed) = storage.items.count.multipliedReportingOverflow(by: max(0, count))
                guard !overflowed, size <= maxSize else { throw TemplateRuntimeError("list repetition is too large") }
                var items: [Value] = []
                if !storage.items.isEmpty {
                    items.reserveCapacity(size)
                    for _ in 0..<max(0, count) { items.append(contentsOf: storage.items) }
                }
                return storage.isTuple ? .tuple(items) : .list(items)
            }
            return try arithmetic(op, left, right)
        case .modulo:
            if case .string(let format) = left { return .string(try StringFormatting.percent(format, right)) }
            return try arithmetic(op, left, right)
        case .concat:
            return .string(try concatenate(left.renderedString(), right.renderedString()))
        default:
            return try arithmetic(op, left, right)
        }
    }

    /// `a + b` for strings, refusing results over `maxSize` bytes.
    static func concatenate(_ left: String, _ right: String) throws -> String {
        guard left.utf8.count + right.utf8.count <= maxSize else { throw TemplateRuntimeError("string is too large") }
        return left + right
    }

    private static func isDouble(_ value: Value) -> Bool {
        if case .double = value { return true }
        return false
    }

    private static func repetition(_ left: Value, _ right: Value) -> (String, Int)? {
        switch (left, right) {
        case (.string(let text), .int(let count)), (.int(let count), .string(let text)): return (text, count)
        case (.string(let text), .bool(let flag)), (.bool(let flag), .string(let text)): return (text, flag ? 1 : 0)
        default: return nil
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        guard let a = left.numeric, let b = right.numeric else { throw typeError(op.rawValue, left, right) }
        if case .int(let x) = a, case .int(let y) = b { return try integer(op, x, y) }
        let x = a.doubleValue
        let y = b.doubleValue
        switch op {
        case .add: return .double(x + y)
        case .subtract: return .double(x - y)
        case .multiply: return .double(x * y)
        case .divide:
            guard y != 0 else { throw TemplateRuntimeError("division by zero") }
            return .double(x / y)
        case .floorDivide:
            guard y != 0 else { throw TemplateRuntimeError("float floor division by zero") }
            return .double((x / y).rounded(.down))
        case .modulo:
            guard y != 0 else { throw TemplateRuntimeError("float modulo by zero") }
            let remainder = x.truncatingRemainder(dividingBy: y)
            return .double(remainder != 0 && (remainder < 0) != (y < 0) ? remainder + y : remainder)
        case .power: return .double(power(x, y))
        case .concat: return .string(left.renderedString() + right.renderedString())
        }
    }

    private static func power(_ base: Double, _ exponent: Double) -> Double {
        // Exponentiation by squaring for integral exponents, else exp/log (no Foundation).
        if exponent == exponent.rounded(), abs(exponent) < 1_000_000 {
            var result = 1.0
            var factor = base
            var remaining = Int(abs(exponent))
            while remaining > 0 {
                if remaining & 1 == 1 { result *= factor }
                factor *= factor
                remaining >>= 1
            }
            return exponent < 0 ? 1 / result : result
        }
        return pow(base, exponent)
    }

    private static func overflow() -> TemplateRuntimeError {
        TemplateRuntimeError("integer overflow", hint: "dfx integers are 64-bit; Python's are unbounded")
    }

    static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        case .add:
            let (value, overflowed) = x.addingReportingOverflow(y)
            if overflowed { throw overflow() }
            return .int(value)
        case .subtract:
            let (value, overflowed) = x.subtractingReportingOverflow(y)
            if overflowed { throw overflow() }
            return .int(value)
        case .multiply:
            let (value, overflowed) = x.multipliedReportingOverflow(by: y)
            if overflowed { throw overflow() }
            return .int(value)
        case .divide:
            guard y != 0 else { throw TemplateRuntimeError("division by zero") }
            return .double(Double(x) / Double(y))
        case .floorDivide:
            guard y != 0 else { throw TemplateRuntimeError("integer division by zero") }
            if x == Int.min && y == -1 { throw overflow() }
            let quotient = x / y
            return .int((x % y != 0) && ((x < 0) != (y < 0)) ? quotient - 1 : quotient)
        case .modulo:
            guard y != 0 else { throw TemplateRuntimeError("integer modulo by zero") }
            if y == -1 { return .int(0) }
            let remainder = x % y
            return .int(remainder != 0 && ((remainder < 0) != (y < 0)) ? remainder + y : remainder)
        case .power:
            if y < 0 { return .double(power(Double(x), Double(y))) }
            var result = 1
            var base = x
            var exponent = y
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (value, overflowed) = result.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow() }
                    result = value
                }
                exponent >>= 1
                if exponent > 0 {
                    let (square, overflowed) = base.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow() }
                    base = square
                }
            }
            return .int(result)
        case .concat:
            return .string(String(x) + String(y))
        }
    }

    static func compare(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Bool {
        switch op {
        case .equal: return left.isEqual(to: right)
        case .notEqual: return !left.isEqual(to: right)
        case .contains: return try contains(right, left)
        case .notContains: return try !contains(right, left)
        case .less: return try order(left, right, "<") < 0
        case .lessEqual: return try order(left, right, "<=") <= 0
        case .greater: return try order(left, right, ">") > 0
        case .greaterEqual: return try order(left, right, ">=") >= 0
        }
    }

    /// Python's `needle in haystack`.
    static func contains(_ haystack: Value, _ needle: Value) throws -> Bool {
        switch haystack {
        case .listRef(let storage): return storage.items.contains { $0.isEqual(to: needle) }
        case .dictRef(let storage): return storage.get(needle) != nil
        case .string(let text):
            guard case .string(let part) = needle else {
                throw TemplateRuntimeError("'in <string>' requires string as left operand, not '\(needle.typeName)'")
            }
            return part.isEmpty || text.contains(part)
        case .undefined: return false
        default: throw TemplateRuntimeError("argument of type '\(haystack.typeName)' is not iterable")
        }
    }

    /// Three-way comparison with Python's rules; throws for unorderable types.
    static func order(_ left: Value, _ right: Value, _ symbol: String) throws -> Int {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            // UTF-8 byte order is code point order (Python compares code points).
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a == b ? 0 : 1)
        case (.undefined, .undefined):
            return 0
        case (.listRef(let a), .listRef(let b)):
            for (x, y) in zip(a.items, b.items) where !x.isEqual(to: y) { return try order(x, y, symbol) }
            return a.items.count < b.items.count ? -1 : (a.items.count == b.items.count ? 0 : 1)
        default:
            guard let a = left.numeric, let b = right.numeric else {
                throw TemplateRuntimeError(
                    "'\(symbol)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'")
            }
            if case .int(let x) = a, case .int(let y) = b { return x < y ? -1 : (x == y ? 0 : 1) }
            let x = a.doubleValue
            let y = b.doubleValue
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }
}
