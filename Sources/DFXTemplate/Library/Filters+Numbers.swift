extension Filters {
    static let numberFilters: [(String, FilterBox)] = [
        ("int", FilterBox { _, value, arguments in
            let fallback = arguments.value(0, "default") ?? .int(0)
            let base = try arguments.int(1, "base", default: 10)
            switch value {
            case .int: return value
            case .bool(let flag): return .int(flag ? 1 : 0)
            case .double(let number):
                guard let exact = Int(exactly: number.rounded(.towardZero)) else { return fallback }
                return .int(exact)
            case .string(let text):
                let trimmed = StringMethods.strip(text, nil, leading: true, trailing: true).replacingUnderscores()
                if base >= 2, base <= 36, let number = Int(trimmed, radix: base) { return .int(number) }
                if let number = Double(trimmed), let exact = Int(exactly: number.rounded(.towardZero)) { return .int(exact) }
                return fallback
            default: return fallback
            }
        }),
        ("float", FilterBox { _, value, arguments in
            let fallback = arguments.value(0, "default") ?? .double(0)
            switch value {
            case .int(let number): return .double(Double(number))
            case .double: return value
            case .bool(let flag): return .double(flag ? 1 : 0)
            case .string(let text):
                let trimmed = StringMethods.strip(text, nil, leading: true, trailing: true)
                return Double(trimmed).map(Value.double) ?? fallback
            default: return fallback
            }
        }),
        ("abs", FilterBox { _, value, _ in
            switch value {
            case .int(let number):
                guard number != Int.min else { throw TemplateRuntimeError("integer overflow") }
                return .int(abs(number))
            case .double(let number): return .double(abs(number))
            case .bool(let flag): return .int(flag ? 1 : 0)
            default: throw TemplateRuntimeError("bad operand type for abs(): '\(value.typeName)'")
            }
        }),
        ("round", FilterBox { _, value, arguments in
            guard let number = value.numeric?.doubleValue else {
                throw TemplateRuntimeError("filter 'round' needs a number, not '\(value.typeName)'")
            }
            let precision = max(-20, min(20, try arguments.int(0, "precision", default: 0)))
            let method = arguments.string(1, "method") ?? "common"
            if method == "common", case .int(let integer) = value {
                if precision >= 0 { return value }
                // Python's round(int, -n): half to even, result stays an int.
                var scale = 1
                for _ in 0..<(-precision) {
                    let (next, overflowed) = scale.multipliedReportingOverflow(by: 10)
                    if overflowed { return .int(0) }
                    scale = next
                }
                let rounded = (Double(integer) / Double(scale)).rounded(.toNearestOrEven) * Double(scale)
                return Int(exactly: rounded).map(Value.int) ?? value
            }
            var scale = 1.0
            for _ in 0..<abs(precision) { scale *= 10 }
            let scaled = precision >= 0 ? number * scale : number / scale
            let rounded: Double
            switch method {
            case "common": rounded = scaled.rounded(.toNearestOrEven)
            case "ceil": rounded = scaled.rounded(.up)
            case "floor": rounded = scaled.rounded(.down)
            default: throw TemplateRuntimeError("method must be 'common', 'ceil' or 'floor'")
            }
            return .double(precision >= 0 ? rounded / scale : rounded * scale)
        }),
    ]
}

extension String {
    func replacingUnderscores() -> String { filter { $0 != "_" } }
}
