/// Jinja2's `tojson`: `json.dumps(value, sort_keys=True)` with `<`, `>`, `&`, `'` escaped.
enum JSONWriter {
    static func write(_ value: Value, indent: Int) throws -> String {
        var out = ""
        try write(value, into: &out, indent: indent, level: 0)
        return out
    }

    private static func write(_ value: Value, into out: inout String, indent: Int, level: Int) throws {
        guard level < 64 else { throw TemplateRuntimeError("tojson: value is nested too deeply (or contains itself)") }
        guard out.utf8.count < 10_000_000 else { throw TemplateRuntimeError("tojson: output is too large") }
        switch value {
        case .none, .undefined: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number):
            if number.isNaN { out += "NaN" } else if number.isInfinite { out += number < 0 ? "-Infinity" : "Infinity" } else {
                out += Value.pythonFloat(number)
            }
        case .string(let text): quote(text, into: &out)
        case .listRef(let storage):
            try container(storage.items, open: "[", close: "]", into: &out, indent: indent, level: level) { item, out in
                try write(item, into: &out, indent: indent, level: level + 1)
            }
        case .dictRef(let storage):
            let pairs = try zip(storage.keys, storage.values).map { key, value -> (String, Value) in
                switch key {
                case .string(let text): return (text, value)
                case .int, .double, .bool, .none:
                    var keyText = ""
                    try write(key, into: &keyText, indent: -1, level: level + 1)
                    return (keyText, value)
                default: throw TemplateRuntimeError("tojson: keys must be strings")
                }
            }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }  // UTF-8 byte order is code point order
            try container(pairs, open: "{", close: "}", into: &out, indent: indent, level: level) { pair, out in
                quote(pair.0, into: &out)
                out += ": "
                try write(pair.1, into: &out, indent: indent, level: level + 1)
            }
        case .object(let object): quote(object.renderedString, into: &out)
        case .function, .macro:
            throw TemplateRuntimeError("tojson: object of type '\(value.typeName)' is not JSON serializable")
        }
    }

    private static func container<T>(
        _ items: [T], open: String, close: String, into out: inout String, indent: Int, level: Int,
        element: (T, inout String) throws -> Void
    ) throws {
        out += open
        if items.isEmpty { out += close; return }
        let pretty = indent >= 0
        let inner = pretty ? "\n" + String(repeating: " ", count: indent * (level + 1)) : ""
        for (index, item) in items.enumerated() {
            if index > 0 { out += pretty ? "," : ", " }
            out += inner
            try element(item, &out)
        }
        if pretty { out += "\n" + String(repeating: " ", count: indent * level) }
        out += close
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        if !needsEscaping(text) {
            // Most strings (identifiers, SQL) are printable ASCII without quotes: copy them whole
            // instead of appending one scalar at a time.
            out += text
            out += "\""
            return
        }
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x3C: out += "\\u003c"
            case 0x3E: out += "\\u003e"
            case 0x26: out += "\\u0026"
            case 0x27: out += "\\u0027"
            case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        out += "\""
    }

    /// Whether `quote` must rewrite any character of `text` (non-ASCII, control, quote, backslash,
    /// or one of the HTML-sensitive `<>&'`).
    private static func needsEscaping(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isEscaped) } ?? text.utf8.contains(where: isEscaped)
    }

    @inline(__always)
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x27
    }
}
