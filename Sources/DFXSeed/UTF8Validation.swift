/// Checks that a file is UTF-8 without NUL bytes (PostgreSQL's text cannot hold NUL), in one pass
/// that skips eight ASCII bytes at a time.
enum UTF8Validation {
    /// The first offending byte's offset and what is wrong with it, or nil when the bytes are valid.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> CSVProblem? {
        let count = bytes.count
        var index = 0
        while index < count {
            // Fast path: eight ASCII bytes with no zero among them.
            if index + 8 <= count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let low: UInt64 = 0x0101_0101_0101_0101
                let hasZero = (word &- low) & ~word & high
                if word & high == 0, hasZero == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead == 0 {
                return CSVProblem(offset: index, message: "NUL byte in the file", hint: "remove the NUL (0x00) byte")
            }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return invalid(at: index, byte: lead)
            }
            guard index + length <= count else { return invalid(at: index, byte: lead) }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return invalid(at: index, byte: lead) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return invalid(at: index, byte: lead)
            }
            index += length
        }
        return nil
    }

    private static func invalid(at offset: Int, byte: UInt8) -> CSVProblem {
        let digits = Array("0123456789ABCDEF")
        let hex = String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        return CSVProblem(
            offset: offset, message: "invalid UTF-8 (byte 0x\(hex))",
            hint: "save the file as UTF-8 (seeds are read as UTF-8 only)")
    }
}
