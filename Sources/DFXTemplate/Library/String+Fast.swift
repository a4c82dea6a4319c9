/// ASCII fast paths for the string operations templates use most.
extension String {
    /// `lowercased()`, without Unicode tables when the text is ASCII.
    var pythonLower: String { asciiMapped(from: 0x41...0x5A, offset: 0x20) ?? lowercased() }

    /// `uppercased()`, without Unicode tables when the text is ASCII.
    var pythonUpper: String { asciiMapped(from: 0x61...0x7A, offset: -0x20) ?? uppercased() }

    private func asciiMapped(from range: ClosedRange<UInt8>, offset: Int) -> String? {
        var isASCII = true
        var needsChange = false
        for byte in utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if range.contains(byte) { needsChange = true }
        }
        guard isASCII else { return nil }
        guard needsChange else { return self }
        var bytes = Array(utf8)
        for index in bytes.indices where range.contains(bytes[index]) {
            bytes[index] = UInt8(Int(bytes[index]) + offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes, by memcpy when the string is contiguous.
    @inline(__always)
    mutating func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }

    /// Appends an integer's decimal digits without building a String.
    mutating func appendDecimal(_ number: Int) {
        if number < 0 { append(0x2D) }
        let magnitude = number.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        var rest = magnitude
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: rest / divisor) + 0x30)
            rest %= divisor
            divisor /= 10
        }
    }
}
