extension Value {
    /// What `{{ value }}` prints, as Python's `str()` (undefined prints nothing).
    public func renderedString() -> String {
        switch self {
        case .string(let text): return text
        case .undefined: return ""
        default: return reprString()
        }
    }

    /// Python's `repr()`: strings quoted, lists as `['a', 1]`, dicts as `{'a': 1}`.
    public func reprString() -> String {
        var printer = ReprPrinter()
        printer.write(self)
        return printer.out
    }

    func repr(depth: Int) -> String {
        switch self {
        case .none: return "None"
        case .undefined: return ""
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .double(let value): return Value.pythonFloat(value)
        case .string(let text): return Value.pythonQuote(text)
        case .listRef, .dictRef: return reprString()
        case .function(let function): return "<function \(function.name)>"
        case .macro(let macro): return "<Macro '\(macro.name)'>"
        case .object(let object): return object.renderedString
        }
    }

    /// Python's `repr()` of a string: single quotes unless the text holds one and no double quote.
    static func pythonQuote(_ text: String) -> String {
        let useDouble = text.contains("'") && !text.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'" where !useDouble: out += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// Python's `repr()` of a float: shortest round-trip digits, exponent outside 1e-4..<1e16.
    static func pythonFloat(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description gives the shortest round-trip digits; re-layout as Python does.
        let text = value.magnitude.description
        var digits = ""
        var exponent = 0
        var mantissa = Substring(text)
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = parts.first.map(String.init) ?? "0"
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        digits = intPart + fracPart
        // Decimal exponent of the first digit.
        var pointExp = intPart.count - 1 + exponent
        // Strip leading zeros.
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointExp -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        if pointExp < -4 || pointExp >= 16 {
            var out = sign + String(digits.prefix(1))
            if digits.count > 1 { out += "." + digits.dropFirst() }
            let expText = String(abs(pointExp))
            out += "e" + (pointExp < 0 ? "-" : "+") + (expText.count < 2 ? "0" + expText : expText)
            return out
        }
        if pointExp < 0 {
            return sign + "0." + String(repeating: "0", count: -pointExp - 1) + digits
        }
        if digits.count <= pointExp + 1 {
            return sign + digits + String(repeating: "0", count: pointExp + 1 - digits.count) + ".0"
        }
        let cut = digits.index(digits.startIndex, offsetBy: pointExp + 1)
        return sign + digits[..<cut] + "." + digits[cut...]
    }
}
