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

    /// Hands over the bytes written so far and starts an empty buffer, keeping the nesting state:
    /// lets a caller stream a large document to a file in chunks instead of holding all of it.
    public mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        bytes = []
        bytes.reserveCapacity(taken.count)
        return taken
    }

    /// Appends the members of an object produced elsewhere: `members` is the text between the
    /// braces of another writer's `{...}` (as `objectMembers()` returns), inserted as members of the
    /// object being written here. Lets the parts of a large object be produced on several cores.
    public mutating func rawMembers(_ members: [UInt8]) {
        guard !members.isEmpty else { return }
        separator()
        bytes.append(contentsOf: members)
    }

    /// For a writer that wrote exactly one object: the bytes between its braces.
    public func objectMembers() -> [UInt8] {
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return [] }
        return Array(bytes[1..<(bytes.count - 1)])
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
        var copy = text
        copy.withUTF8 { utf8 in
            // Copy runs that need no escaping in one go; SQL is mostly such runs.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                appendEscaped(byte)
                runStart = index + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        // Two bytes at a time, not `append(contentsOf: [a, b])`: an array literal is an allocation,
        // and SQL code escapes a newline every line.
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), backslash: bytes.append(backslash); bytes.append(byte)
        case UInt8(ascii: "\n"): bytes.append(backslash); bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(backslash); bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(backslash); bytes.append(UInt8(ascii: "t"))
        default:
            func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            bytes.append(contentsOf: "\\u00".utf8)
            bytes.append(hexDigit(byte >> 4))
            bytes.append(hexDigit(byte & 0xF))
        }
    }
}
