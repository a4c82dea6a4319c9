/// Finding one byte value in a buffer eight bytes at a time (SWAR), for the scans that run over
/// every file of a project: line starts, template text up to the next `{`, carriage returns.
package enum ByteSearch {
    /// The offset of the first `byte` in `bytes` at or after `start`, or nil.
    @inline(__always)
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(byte) &* ones
        var offset = max(0, start)
        while offset + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ pattern
            // Zero bytes of `word` are matches: the lowest flagged byte is always a true match
            // (borrows only run upwards), so its position is the answer.
            let found = (word &- ones) & ~word & highs
            if found != 0 { return offset + found.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < count {
            if bytes[offset] == byte { return offset }
            offset += 1
        }
        return nil
    }
}
