/// Global functions every template sees: `range`, `dict`, `namespace`, `zip`, `return`.
enum Builtins {
    /// Longest list `range()` may build.
    static let maxRange = 1_000_000

    static let globals: [String: Value] = [
        "range": .function(NativeFunction("range", range)),
        "dict": .function(
            NativeFunction("dict") { arguments in
                let storage = DictStorage()
                if let source = arguments.positional.first {
                    switch source {
                    case .dictRef(let other):
                        for (key, value) in zip(other.keys, other.values) { storage.set(key, value) }
                    case .listRef(let pairs):
                        for pair in pairs.items {
                            guard let items = pair.asList, items.count == 2, storage.set(items[0], items[1]) else {
                                throw TemplateRuntimeError("dict() needs a sequence of key/value pairs")
                            }
                        }
                    default: throw TemplateRuntimeError("dict() argument must be a mapping or pairs")
                    }
                }
                for (key, value) in arguments.keyword { storage.set(.string(key), value) }
                return .dictRef(storage)
            }),
        "namespace": .function(
            NativeFunction("namespace") { arguments in
                let storage = DictStorage(isNamespace: true)
                if let first = arguments.positional.first {
                    guard case .dictRef(let other) = first else {
                        throw TemplateRuntimeError("'\(first.typeName)' object is not iterable")
                    }
                    for (key, value) in zip(other.keys, other.values) { storage.set(key, value) }
                }
                for (key, value) in arguments.keyword { storage.set(.string(key), value) }
                return .dictRef(storage)
            }),
        "zip": .function(
            NativeFunction("zip") { arguments in
                let sequences = try arguments.positional.map { value -> [Value] in
                    guard let items = Filters.sequence(value) else {
                        throw TemplateRuntimeError("zip argument of type '\(value.typeName)' is not iterable")
                    }
                    return items
                }
                let count = sequences.map(\.count).min() ?? 0
                return .list((0..<count).map { index in .tuple(sequences.map { $0[index] }) })
            }),
        "return": .function(
            NativeFunction("return", isReturn: true) { arguments in
                throw MacroReturn(value: arguments.positional.first ?? Value.none)
            }),
    ]

    static func range(_ arguments: Arguments) throws -> Value {
        let numbers = try arguments.positional.map { value -> Int in
            guard let number = value.asInt else {
                throw TemplateRuntimeError("range() arguments must be integers, not '\(value.typeName)'")
            }
            return number
        }
        let start: Int, stop: Int, step: Int
        switch numbers.count {
        case 1: (start, stop, step) = (0, numbers[0], 1)
        case 2: (start, stop, step) = (numbers[0], numbers[1], 1)
        case 3: (start, stop, step) = (numbers[0], numbers[1], numbers[2])
        default: throw TemplateRuntimeError("range() takes 1 to 3 arguments, got \(numbers.count)")
        }
        guard step != 0 else { throw TemplateRuntimeError("range() step must not be zero") }
        let span = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        let magnitude = step.magnitude
        let count = span.partialValue <= 0 || span.overflow ? (span.overflow ? Int.max : 0)
            : Int((UInt(span.partialValue) + magnitude - 1) / magnitude)
        guard count <= maxRange else {
            throw TemplateRuntimeError("range() of \(count) items is too large (limit \(maxRange))")
        }
        var items: [Value] = []
        items.reserveCapacity(count)
        var current = start
        for _ in 0..<count {
            items.append(.int(current))
            current = current &+ step
        }
        return .list(items)
    }
}
