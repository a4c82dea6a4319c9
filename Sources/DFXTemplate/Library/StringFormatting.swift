/// Python's `str.format` and `%` formatting, for the cases dbt code uses.
enum StringFormatting {
    /// `'{} and {name}'.format(a, name=b)`; supports `{}`, `{0}`, `{name}`, `{{`/`}}` and simple specs.
    static func format(_ template: String, _ positional: [Value], _ keyword: [(String, Value)]) throws -> String {
        var out = ""
        var autoIndex = 0
        var iterator = Array(template).makeIterator()
        while let char = iterator.next() {
            if char == "{" {
                var field = ""
                var closed = false
                var first = true
                while let next = iterator.next() {
                    if first && next == "{" { break }
                    first = false
                    if next == "}" { closed = true; break }
                    field.append(next)
                }
                if !closed && field.isEmpty { out.append("{"); continue }
                guard closed else { throw TemplateRuntimeError("single '{' encountered in format string") }
                var name = field
                var spec = ""
                if let colon = field.firstIndex(of: ":") {
                    name = String(field[..<colon])
                    spec = String(field[field.index(after: colon)...])
                }
                let value: Value
                if name.isEmpty {
                    guard autoIndex < positional.count else {
                        throw TemplateRuntimeError("replacement index \(autoIndex) out of range for positional args tuple")
                    }
                    value = positional[autoIndex]
                    autoIndex += 1
                } else if let index = Int(name) {
                    guard index >= 0, index < positional.count else {
                        throw TemplateRuntimeError("replacement index \(index) out of range for positional args tuple")
                    }
                    value = positional[index]
                } else {
                    guard let found = keyword.first(where: { $0.0 == name })?.1 else {
                        throw TemplateRuntimeError("format string names '\(name)' but no such keyword argument was given")
                    }
                    value = found
                }
                out += applySpec(value, spec)
            } else if char == "}" {
                _ = iterator.next()
                out.append("}")
            } else {
                out.append(char)
            }
        }
        return out
    }

    /// A small subset of the format-spec mini-language: `.Nf`, width and `d`.
    static func applySpec(_ value: Value, _ spec: String) -> String {
        if spec.isEmpty { return value.renderedString() }
        if spec.hasSuffix("f"), let dot = spec.firstIndex(of: "."),
            let precision = Int(spec[spec.index(after: dot)..<spec.index(before: spec.endIndex)])
        {
            return fixed(value.doubleValue, precision)
        }
        return value.renderedString()
    }

    /// A float with `precision` decimals, rounded half to even like Python's formatting.
    static func fixed(_ number: Double, _ precision: Int) -> String {
        let digits = max(0, min(precision, 17))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (number * scale).rounded(.toNearestOrEven)
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        guard magnitude < 9.0e18 else { return Value.pythonFloat(number) }
        let integer = UInt64(magnitude)
        var text = String(integer)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return (negative ? "-" : "") + text
    }

    /// `'%s-%d' % (a, b)`.
    static func percent(_ format: String, _ argument: Value) throws -> String {
        let arguments: [Value]
        if case .listRef(let storage) = argument, storage.isTuple { arguments = storage.items } else { arguments = [argument] }
        var out = ""
        var index = 0
        var iterator = Array(format).makeIterator()
        while let char = iterator.next() {
            guard char == "%" else { out.append(char); continue }
            guard let directive = iterator.next() else { throw TemplateRuntimeError("incomplete format") }
            if directive == "%" { out.append("%"); continue }
            guard index < arguments.count else { throw TemplateRuntimeError("not enough arguments for format string") }
            let value = arguments[index]
            index += 1
            switch directive {
            case "s": out += value.renderedString()
            case "r": out += value.reprString()
            case "d", "i":
                guard let number = value.numeric else {
                    throw TemplateRuntimeError("%d format: a number is required, not \(value.typeName)")
                }
                if case .double(let float) = number { out += String(Int(exactly: float.rounded(.towardZero)) ?? 0) }
                else { out += number.renderedString() }
            case "f": out += fixed(value.doubleValue, 6)
            default: throw TemplateRuntimeError("unsupported format character '\(directive)'")
            }
        }
        if index < arguments.count { throw TemplateRuntimeError("not all arguments converted during string formatting") }
        return out
    }
}
