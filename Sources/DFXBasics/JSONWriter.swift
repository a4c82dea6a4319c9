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

    /// A writer that starts inside an object whose opening brace it does not write: what it writes
    /// are the object's members, its `bytes` what `rawMembers` takes (without copying them out from
    /// between braces, as `objectMembers()` does).
    public static func members(reservingCapacity capacity: Int = 4096) -> JSONWriter {
        var writer = JSONWriter(reservingCapacity: capacity)
        writer.needsComma.append(false)
        return writer
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

    public mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { closing(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { closing(UInt8(ascii: "]")) }

    /// Writes `"key":` inside an object for a key known when dfx was built (a field name: no
    /// character of it needs escaping, so its bytes are copied as they are); the next call writes
    /// its value.
    public mutating func key(_ key: StaticString) {
        separator()
        newline()
        bytes.append(UInt8(ascii: "\""))
        if key.hasPointerRepresentation {
            bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        } else {
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        pendingValueAfterKey = true
    }

    /// Writes `"key":` inside an object for a key that comes from data (a node's unique ID, a
    /// column name), escaped; the next call writes its value.
    public mutating func dynamicKey(_ key: String) {
        separator()
        newline()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        pendingValueAfterKey = true
    }

    public mutating func string(_ value: String) { valuePrefix(); writeString(value) }
    public mutating func int(_ value: Int) { valuePrefix(); append(String(value)) }
    public mutating func bool(_ value: Bool) { valuePrefix(); append(value ? "true" : "false") }
    public mutating func null() {
        valuePrefix()
        bytes.append(UInt8(ascii: "n")); bytes.append(UInt8(ascii: "u")); bytes.append(UInt8(ascii: "l")); bytes.append(UInt8(ascii: "l"))
    }

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
            if entries.count == 1, let (entryKey, entry) = entries.first {
                dynamicKey(entryKey)
                self.value(entry)
            } else if !entries.isEmpty {
                for entryKey in entries.keys.sorted() {
                    dynamicKey(entryKey)
                    if let entry = entries[entryKey] { self.value(entry) }
                }
            }
            endObject()
        }
    }

    // MARK: - Internals

    private var pendingValueAfterKey = false

    @inline(__always)
    private mutating func valuePrefix() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
            return
        }
        separator()
        if needsComma.count > 1 { newline() }
    }

    @inline(__always)
    private mutating func separator() {
        let last = needsComma.count - 1
        guard last >= 0 else { return }
        if needsComma[last] { bytes.append(UInt8(ascii: ",")) } else { needsComma[last] = true }
    }

    @inline(__always)
    private mutating func closing(_ bracket: UInt8) {
        let hadMembers = needsComma.popLast() ?? false
        if hadMembers { newline() }
        bytes.append(bracket)
    }

    @inline(__always)
    private mutating func newline() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        let depth = max(0, needsComma.count - 1)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Makes room for `extra` more bytes, growing geometrically. `reserveCapacity(count + extra)`
    /// alone allocates exactly that much, so a writer that reserved before every string copied
    /// its whole buffer again and again (the manifest's 5 MB parent and child maps: 90,000 page
    /// faults and most of the tail's time).
    @inline(__always)
    private mutating func reserveRoom(_ extra: Int) {
        let needed = bytes.count + extra
        if needed > bytes.capacity { bytes.reserveCapacity(Swift.max(needed, bytes.capacity * 2)) }
    }

    private mutating func writeString(_ text: String) {
        var copy = text
        copy.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                bytes.append(UInt8(ascii: "\""))
                bytes.append(UInt8(ascii: "\""))
                return
            }
            let count = utf8.count
            var index = Self.firstEscape(base, from: 0, count: count)
            guard index < count else {
                // Names, IDs, paths: nothing to escape, one copy between the quotes.
                reserveRoom(count + 2)
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            // SQL escapes a newline every line: the escaped text is assembled in a scratch buffer
            // through a pointer, sixteen bytes copied per step while they are scanned, and handed
            // to `bytes` a kilobyte at a time (two checked appends per escape and one per run
            // between escapes were most of the manifest's cost).
            reserveRoom(count + count / 16 + 8)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchSize) { scratch in
                guard let out = scratch.baseAddress else { return }
                // Room kept free for one sixteen-byte step, one escape (`\u00XX`) and the closing quote.
                let limit = Self.scratchSize - 24
                out[0] = UInt8(ascii: "\"")
                var filled = 1
                // From the start again: scanning while copying costs about what copying alone does.
                index = 0
                let lanes = EscapeLanes()
                while index < count {
                    if filled > limit {
                        bytes.append(contentsOf: UnsafeBufferPointer(start: out, count: filled))
                        filled = 0
                    }
                    if index + 16 <= count {
                        let vector = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                        UnsafeMutableRawPointer(out + filled).storeBytes(of: vector, as: SIMD16<UInt8>.self)
                        guard let lane = lanes.first(in: vector) else {
                            index += 16
                            filled += 16
                            continue
                        }
                        filled += lane
                        index += lane
                    } else if !Self.needsEscape(base[index]) {
                        out[filled] = base[index]
                        filled += 1
                        index += 1
                        continue
                    }
                    filled += Self.writeEscape(of: base[index], to: out + filled)
                    index += 1
                }
                out[filled] = UInt8(ascii: "\"")
                filled += 1
                bytes.append(contentsOf: UnsafeBufferPointer(start: out, count: filled))
            }
        }
    }

    /// Whether `byte` is a control character, `"` or `\\`.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Bytes of the stack buffer in which escaped strings are assembled.
    private static var scratchSize: Int { 1024 }

    /// The offset of the first byte at or after `start` that needs escaping, or `count`.
    @inline(__always)
    private static func firstEscape(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        let lanes = EscapeLanes()
        while index + 16 <= count {
            if let lane = lanes.first(in: UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)) { return index + lane }
            index += 16
        }
        // Then eight bytes at a time while no byte of the word needs escaping.
        while index + 8 <= count {
            let mask = escapeMask(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
            // The lowest flagged byte is exact (the trick's false positives only sit above a true one).
            if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count {
            if needsEscape(base[index]) { return index }
            index += 1
        }
        return count
    }

    /// The high bit of each of the eight bytes of `word` (little-endian) that is a control character,
    /// `"` or `\\`, by the classic "has a zero byte" bit trick applied to each condition; bits above
    /// the lowest flagged byte may be false positives, the lowest one never is.
    @inline(__always)
    private static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes & highBits
        let hasBackslash = (backslashes &- ones) & ~backslashes & highBits
        return belowSpace | hasQuote | hasBackslash
    }

    /// Writes the escape sequence of `byte` at `out` (room for six bytes); returns its length.
    @inline(__always)
    private static func writeEscape(of byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let backslash = UInt8(ascii: "\\")
        out[0] = backslash
        switch byte {
        case UInt8(ascii: "\""), backslash: out[1] = byte
        case UInt8(ascii: "\n"): out[1] = UInt8(ascii: "n")
        case UInt8(ascii: "\r"): out[1] = UInt8(ascii: "r")
        case UInt8(ascii: "\t"): out[1] = UInt8(ascii: "t")
        default:
            func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            out[4] = hexDigit(byte >> 4)
            out[5] = hexDigit(byte & 0xF)
            return 6
        }
        return 2
    }
}

/// Finds the bytes of sixteen that JSON must escape (control characters, `"`, `\\`) with the "has a
/// zero byte" trick applied lane by lane (exact: lanes do not borrow from each other), read back as
/// two words. Swift's SIMD comparisons and `any()` compiled to a loop over the lanes here, five times
/// slower; wrapping arithmetic and bit operations compile to vector instructions.
private struct EscapeLanes {
    let ones = SIMD16<UInt8>(repeating: 1)
    let space = SIMD16<UInt8>(repeating: 0x20)
    let quote = SIMD16<UInt8>(repeating: 0x22)
    let backslash = SIMD16<UInt8>(repeating: 0x5C)
    let highBits = SIMD16<UInt8>(repeating: 0x80)

    /// The lowest lane of `vector` that needs escaping, or nil.
    @inline(__always)
    func first(in vector: SIMD16<UInt8>) -> Int? {
        let quotes = vector ^ quote
        let backslashes = vector ^ backslash
        let flags = (((vector &- space) & ~vector) | ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)) & highBits
        let words = unsafeBitCast(flags, to: (UInt64, UInt64).self)
        if words.0 != 0 { return UInt64(littleEndian: words.0).trailingZeroBitCount >> 3 }
        if words.1 != 0 { return 8 + UInt64(littleEndian: words.1).trailingZeroBitCount >> 3 }
        return nil
    }
}
