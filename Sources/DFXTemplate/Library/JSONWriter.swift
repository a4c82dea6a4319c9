/// Jinja2's `tojson`: `json.dumps(value, sort_keys=True)` with `<`, `>`, `&`, `'` escaped.
enum JSONWriter {
    static func write(_ value: Value, indent: Int) throws -> String {
        switch value {
        // A lone string or object (a relation): the quoted text is the whole result.
        case .string(let text): return quoted(text)
        case .object(let object): return quoted(object.renderedString)
        default:
            var out = ""
            try write(value, into: &out, indent: indent, level: 0)
            return out
        }
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
        case .string(let text): out += quoted(text)
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
                out += quoted(pair.0)
                out += ": "
                try write(pair.1, into: &out, indent: indent, level: level + 1)
            }
        case .object(let object): out += quoted(object.renderedString)
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

    /// `text` as a JSON string literal, quotes included, made as one string.
    private static func quoted(_ text: String) -> String {
        if !needsEscaping(text) {
            // Most strings (identifiers, SQL) are printable ASCII without quotes: copy them whole
            // instead of appending one scalar at a time.
            let count = text.utf8.count
            return String(unsafeUninitializedCapacity: count + 2) { buffer in
                buffer[0] = 0x22
                _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: text.utf8)
                buffer[count + 1] = 0x22
                return count + 2
            }
        }
        // The escaped text is ASCII: build its bytes, then make one string.
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 18)
        // ASCII text (a relation name with its quotes, say) is its own UTF-16: walk its bytes, not
        // the UTF-16 view's iterator.
        let walkedBytes = text.utf8.withContiguousStorageIfAvailable { source -> Bool in
            guard !source.contains(where: { $0 >= 0x80 }) else { return false }
            for byte in source { appendQuoted(UInt16(byte), to: &bytes) }
            return true
        }
        if walkedBytes != true {
            for unit in text.utf16 { appendQuoted(unit, to: &bytes) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one UTF-16 unit of a string literal's text, escaped as `tojson` does.
    @inline(__always)
    private static func appendQuoted(_ unit: UInt16, to bytes: inout [UInt8]) {
        if let letter = shortEscape(unit) {
            bytes.append(0x5C)
            bytes.append(letter)
        } else if unit >= 0x20, unit < 0x7F, unit != 0x3C, unit != 0x3E, unit != 0x26, unit != 0x27 {
            bytes.append(UInt8(unit))
        } else {
            appendEscape(unit, to: &bytes)  // control, non-ASCII, and <>&' as \u003c ...
        }
    }

    /// The letter after the backslash for the characters JSON escapes by name.
    @inline(__always)
    private static func shortEscape(_ unit: UInt16) -> UInt8? {
        switch unit {
        case 0x22: return 0x22  // "
        case 0x5C: return 0x5C  // backslash
        case 0x0A: return 0x6E  // n
        case 0x0D: return 0x72  // r
        case 0x09: return 0x74  // t
        case 0x08: return 0x62  // b
        case 0x0C: return 0x66  // f
        default: return nil
        }
    }

    /// `\u` and the UTF-16 unit as four lowercase hex digits.
    private static func appendEscape(_ unit: UInt16, to bytes: inout [UInt8]) {
        bytes.append(0x5C)
        bytes.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: unit >> UInt16(shift)) & 0x0F
            bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
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
