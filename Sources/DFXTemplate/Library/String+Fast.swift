/// ASCII fast paths for the string operations templates use most.
extension String {
    /// `lowercased()`, without Unicode tables when the text is ASCII.
    var pythonLower: String { asciiMapped(from: 0x41...0x5A, offset: 0x20) ?? lowercased() }

    /// `uppercased()`, without Unicode tables when the text is ASCII.
    var pythonUpper: String { asciiMapped(from: 0x61...0x7A, offset: -0x20) ?? uppercased() }

    private func asciiMapped(from range: ClosedRange<UInt8>, offset: Int) -> String? {
        // Most text is already in the wanted case: check without copying first.
        let unchanged = utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            for byte in buffer where byte >= 0x80 || (byte >= range.lowerBound && byte <= range.upperBound) { return false }
            return true
        }
        if unchanged == true { return self }
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
