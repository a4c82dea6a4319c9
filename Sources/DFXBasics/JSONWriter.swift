/// A fast streaming JSON writer into a byte buffer.
///
/// Artifacts such as `manifest.json` hold every node's raw and compiled SQL: tens of megabytes for
/// a large project. Writing them through an encoder that builds an object tree first doubles memory
/// and time; this writer appends escaped bytes directly. Callers write keys in a deterministic
/// order; the writer inserts commas.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    public init(pretty: Bool = false, reservingCapacity capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() { valuePrefix(); append("{"); needsComma.append(false) }
    public mutating func endObject() { closing("}") }
    public mutating func beginArray() { valuePrefix(); append("["); needsComma.append(false) }
    public mutating func endArray() { closing("]") }

    /// Writes `"key":` inside an object; the next call writes its value.
    public mutating func key(_ key: String) {
        separator()
        newline()
        writeString(key)
        append(pretty ? ": " : ":")
        pendingValueAfterKey = true
    }

    public mutating func string(_ value: String) { valuePrefix(); writeString(value) }
    public mutating func int(_ value: Int) { valuePrefix(); append(String(value)) }
    public mutating func bool(_ value: Bool) { valuePrefix(); append(value ? "true" : "false") }
    public mutating func null() { valuePrefix(); append("null") }

    /// A finite double as JSON number; NaN and infinities (not JSON) as null.
    public mutating func double(_ value: Double) {
        valuePrefix()
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 { append(String(Int(value)) + ".0") } else { append(String(value)) }
        } else {
            append("null")
        }
    }

    /// A string value or null.
    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A list of strings.
    public mutating func stringArray(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Any config value; dict keys sorted for deterministic output.
    public mutating func value(_ value: ConfigValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .list(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .dict(let entries):
            beginObject()
            for entryKey in entries.keys.sorted() {
                key(entryKey)
                if let entry = entries[entryKey] { self.value(entry) }
            }
            endObject()
        }
    }

    // MARK: - Internals

    private var pendingValueAfterKey = false

    private mutating func valuePrefix() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
            return
        }
        separator()
        if needsComma.count > 1 { newline() }
    }

    private mutating func separator() {
        if let last = needsComma.last, last { append(",") }
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
    }

    private mutating func closing(_ bracket: String) {
        let hadMembers = needsComma.popLast() ?? false
        if hadMembers { newline() }
        append(bracket)
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        let depth = max(0, needsComma.count - 1)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
