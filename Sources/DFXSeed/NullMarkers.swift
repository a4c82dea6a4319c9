/// The unquoted words read as NULL besides the empty field (`SeedOptions.nullValues`), compared
/// ignoring ASCII letter case. Empty by default, so checking costs one branch per field.
struct NullMarkers: Sendable, Hashable {
    let words: [[UInt8]]

    init(_ values: [String]) {
        words = values.filter { !$0.isEmpty }.map { $0.utf8.map(Self.lowered) }
    }

    /// Whether `field` is NULL: empty (quoted or not), or unquoted and equal to one of the words.
    func isNull(_ field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if field.isEmpty { return true }
        if words.isEmpty || field.isQuoted { return false }
        let length = field.end - field.start
        search: for word in words where word.count == length {
            for offset in 0..<length where Self.lowered(bytes[field.start + offset]) != word[offset] { continue search }
            return true
        }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
