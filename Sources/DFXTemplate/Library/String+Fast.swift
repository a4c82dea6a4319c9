/// ASCII fast paths for the string operations templates use most.
extension String {
    /// `lowercased()`, without Unicode tables when the text is ASCII.
    var pythonLower: String { asciiMapped(from: 0x41...0x5A, offset: 0x20) ?? lowercased() }

    /// `uppercased()`, without Unicode tables when the text is ASCII.
    var pythonUpper: String { asciiMapped(from: 0x61...0x7A, offset: -0x20) ?? uppercased() }

    private func asciiMapped(from range: ClosedRange<UInt8>, offset: Int) -> String? {
        var bytes = Array(utf8)
        var needsChange = false
        let isASCII: Bool = bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                if byte >= 0x80 { return false }
                if byte >= range.lowerBound && byte <= range.upperBound {
                    buffer[index] = UInt8(truncatingIfNeeded: Int(byte) + offset)
                    needsChange = true
                }
            }
            return true
        }
        guard isASCII else { return nil }
        guard needsChange else { return self }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the UTF-8 bytes contain `byte` (a contiguous scan, not a generic iteration).
    func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            for candidate in buffer where candidate == byte { return true }
            return false
        }) {
            return found
        }
        return utf8.contains(byte)
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
