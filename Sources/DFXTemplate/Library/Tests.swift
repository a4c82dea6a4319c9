/// A test as in `x is divisibleby 3`: the renderer, the value, the arguments.
typealias TestFunction = @Sendable (Renderer, Value, [Value]) throws -> Bool

/// Jinja2's built-in tests.
enum Tests {
    static func argument(_ arguments: [Value], _ name: String) throws -> Value {
        guard let first = arguments.first else { throw TemplateRuntimeError("test '\(name)' needs an argument") }
        return first
    }

    static func compare(_ op: CompareOperator, _ name: String) -> TestFunction {
        { _, value, arguments in try Operators.compare(op, value, try argument(arguments, name)) }
    }

    static let table: [String: TestFunction] = [
        "defined": { _, value, _ in !value.isUndefined },
        "undefined": { _, value, _ in value.isUndefined },
        "none": { _, value, _ in value.isNone },
        "string": { _, value, _ in value.asString != nil },
        "number": { _, value, _ in
            switch value {
            case .int, .double, .bool: return true
            default: return false
            }
        },
        "integer": { _, value, _ in
            if case .int = value { return true }
            return false
        },
        "float": { _, value, _ in
            if case .double = value { return true }
            return false
        },
        "boolean": { _, value, _ in
            if case .bool = value { return true }
            return false
        },
        "true": { _, value, _ in
            if case .bool(true) = value { return true }
            return false
        },
        "false": { _, value, _ in
            if case .bool(false) = value { return true }
            return false
        },
        "mapping": { _, value, _ in
            if case .dictRef = value { return true }
            return false
        },
        "iterable": { _, value, _ in
            switch value {
            case .listRef, .dictRef, .string: return true
            default: return false
            }
        },
        "sequence": { _, value, _ in
            switch value {
            case .listRef, .dictRef, .string: return true
            default: return false
            }
        },
        "callable": { _, value, _ in
            switch value {
            case .function, .macro: return true
            default: return false
            }
        },
        "sameas": { _, value, arguments in
            let other = try argument(arguments, "sameas")
            switch (value, other) {
            case (.none, .none), (.undefined, .undefined): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.listRef(let a), .listRef(let b)): return a === b
            case (.dictRef(let a), .dictRef(let b)): return a === b
            case (.int(let a), .int(let b)): return a == b
            case (.string(let a), .string(let b)): return a == b
            default: return false
            }
        },
        "lower": { _, value, _ in value.asString.map { $0 == $0.lowercased() } ?? false },
        "upper": { _, value, _ in value.asString.map { $0 == $0.uppercased() } ?? false },
        "odd": { _, value, _ in
            guard let number = value.asInt else { throw TemplateRuntimeError("test 'odd' needs an integer") }
            return number % 2 != 0
        },
        "even": { _, value, _ in
            guard let number = value.asInt else { throw TemplateRuntimeError("test 'even' needs an integer") }
            return number % 2 == 0
        },
        "divisibleby": { _, value, arguments in
            guard let number = value.asInt, let divisor = try argument(arguments, "divisibleby").asInt else {
                throw TemplateRuntimeError("test 'divisibleby' needs integers")
            }
            guard divisor != 0 else { throw TemplateRuntimeError("integer modulo by zero") }
            return number % divisor == 0
        },
        "escaped": { _, _, _ in false },
        "in": { _, value, arguments in try Operators.contains(try argument(arguments, "in"), value) },
        "eq": compare(.equal, "eq"), "equalto": compare(.equal, "equalto"), "==": compare(.equal, "=="),
        "ne": compare(.notEqual, "ne"), "!=": compare(.notEqual, "!="),
        "lt": compare(.less, "lt"), "lessthan": compare(.less, "lessthan"), "<": compare(.less, "<"),
        "le": compare(.lessEqual, "le"), "<=": compare(.lessEqual, "<="),
        "gt": compare(.greater, "gt"), "greaterthan": compare(.greater, "greaterthan"), ">": compare(.greater, ">"),
        "ge": compare(.greaterEqual, "ge"), ">=": compare(.greaterEqual, ">="),
    ]
}
