/// Python's `str.format` and `%` formatting, for the cases dbt code uses.
enum StringFormatting {
    /// `'{} and {name}'.format(a, name=b)`; supports `{}`, `{0}`, `{name}`, `{{`/`}}` and simple specs.
    static func format(_ template: String, _ positional: [Value], _ keyword: [(String, Value)]) throws -> String {
        let bytes = Array(template.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) { return try formatASCII(bytes, positional, keyword) }
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
                out += try replacement(name, spec, positional, keyword, &autoIndex)
            } else if char == "}" {
                _ = iterator.next()
                out.append("}")
            } else {
                out.append(char)
            }
        }
        return out
    }

    /// `format` for an ASCII template (the usual case): the same rules over bytes, literal runs copied
    /// whole instead of one Character at a time. In ASCII every byte is a Character except CRLF,
    /// which the `}` rule (skip the next Character) treats as one.
    private static func formatASCII(_ bytes: [UInt8], _ positional: [Value], _ keyword: [(String, Value)]) throws -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var out = ""
        var autoIndex = 0
        var index = 0
        var runStart = 0
        func flush(_ end: Int) {
            if runStart < end { out += String(decoding: bytes[runStart..<end], as: UTF8.self) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == open {
                flush(index)
                var end = index + 1
                if end < bytes.count, bytes[end] == open {
                    out += "{"
                    index = end + 1
                    runStart = index
                    continue
                }
                while end < bytes.count, bytes[end] != close { end += 1 }
                let closed = end < bytes.count
                let field = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                if !closed && field.isEmpty {
                    out += "{"
                    index = end
                    runStart = index
                    continue
                }
                guard closed else { throw TemplateRuntimeError("single '{' encountered in format string") }
                var name = field
                var spec = ""
                if let colon = field.firstIndex(of: ":") {
                    name = String(field[..<colon])
                    spec = String(field[field.index(after: colon)...])
                }
                out += try replacement(name, spec, positional, keyword, &autoIndex)
                index = end + 1
                runStart = index
            } else if byte == close {
                flush(index)
                var next = index + 1
                if next < bytes.count {
                    next += bytes[next] == UInt8(ascii: "\r") && next + 1 < bytes.count && bytes[next + 1] == UInt8(ascii: "\n") ? 2 : 1
                }
                out += "}"
                index = next
                runStart = index
            } else {
                index += 1
            }
        }
        flush(bytes.count)
        return out
    }

    /// The text of one `{name:spec}` field.
    private static func replacement(
        _ name: String, _ spec: String, _ positional: [Value], _ keyword: [(String, Value)], _ autoIndex: inout Int
    ) throws -> String {
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
        return applySpec(value, spec)
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

    /// `'%s-%05.1f' % (a, b)`: flags `-+ 0`, width, precision, and `s r d i f F x X o %`.
    static func percent(_ format: String, _ argument: Value) throws -> String {
        let arguments: [Value]
        if case .listRef(let storage) = argument, storage.isTuple { arguments = storage.items } else { arguments = [argument] }
        var out = ""
        var index = 0
        let chars = Array(format)
        var position = 0
        while position < chars.count {
            let char = chars[position]
            position += 1
            guard char == "%" else { out.append(char); continue }
            var flags = Set<Character>()
            while position < chars.count, "-+ 0#".contains(chars[position]) { flags.insert(chars[position]); position += 1 }
            var width = 0
            while position < chars.count, let digit = chars[position].wholeNumberValue, width < 100_000 {
                width = width * 10 + digit
                position += 1
            }
            var precision: Int?
            if position < chars.count, chars[position] == "." {
                position += 1
                var value = 0
                while position < chars.count, let digit = chars[position].wholeNumberValue, value < 1_000 {
                    value = value * 10 + digit
                    position += 1
                }
                precision = value
            }
            guard position < chars.count else { throw TemplateRuntimeError("incomplete format") }
            let directive = chars[position]
            position += 1
            if directive == "%" { out.append("%"); continue }
            guard index < arguments.count else { throw TemplateRuntimeError("not enough arguments for format string") }
            let value = arguments[index]
            index += 1
            var body: String
            var numeric = false
            switch directive {
            case "s": body = value.renderedString()
            case "r": body = value.reprString()
            case "d", "i", "x", "X", "o":
                guard let number = value.numeric else {
                    throw TemplateRuntimeError("%\(directive) format: a number is required, not \(value.typeName)")
                }
                numeric = true
                var integer: Int
                if case .double(let float) = number {
                    guard let exact = Int(exactly: float.rounded(.towardZero)) else { throw TemplateRuntimeError("cannot convert float to integer") }
                    integer = exact
                } else {
                    integer = number.asInt ?? 0
                }
                let radix = directive == "d" || directive == "i" ? 10 : directive == "o" ? 8 : 16
                body = String(integer.magnitude, radix: radix, uppercase: directive == "X")
                if integer < 0 { body = "-" + body } else if flags.contains("+") { body = "+" + body } else if flags.contains(" ") { body = " " + body }
            case "f", "F":
                guard let number = value.numeric else {
                    throw TemplateRuntimeError("%f format: a number is required, not \(value.typeName)")
                }
                numeric = true
                body = fixed(number.doubleValue, precision ?? 6)
                if !body.hasPrefix("-") { if flags.contains("+") { body = "+" + body } else if flags.contains(" ") { body = " " + body } }
            default: throw TemplateRuntimeError("unsupported format character '\(directive)'")
            }
            if directive == "s" || directive == "r", let precision { body = String(body.prefix(precision)) }
            if body.count < width {
                let padding = width - body.count
                if flags.contains("-") {
                    body += String(repeating: " ", count: padding)
                } else if flags.contains("0") && numeric {
                    let signed = body.first == "-" || body.first == "+" || body.first == " "
                    let sign = signed ? String(body.removeFirst()) : ""
                    body = sign + String(repeating: "0", count: padding) + body
                } else {
                    body = String(repeating: " ", count: padding) + body
                }
            }
            out += body
        }
        if index < arguments.count { throw TemplateRuntimeError("not all arguments converted during string formatting") }
        return out
    }
}
