extension YAMLNode: CustomDebugStringConvertible {
    /// A JSON-like rendering of the resolved tree, one line: `{"a": [1, "x", null, true]}`.
    /// Non-finite doubles print as `.inf`, `-.inf`, `.nan`.
    public var debugDescription: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch kind {
        case .scalar(let scalar):
            out += scalar.resolved.description
        case .sequence(let elements):
            out += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { out += ", " }
                element.write(to: &out)
            }
            out += "]"
        case .mapping(let mapping):
            out += "{"
            for (position, entry) in mapping.entries.enumerated() {
                if position > 0 { out += ", " }
                entry.key.write(to: &out)
                out += ": "
                entry.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
