extension CSVField {
    /// The field's value as a string, doubled quotes read as one.
    func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let content = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard hasDoubledQuotes else { return String(decoding: content, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(content.count)
        var skipNext = false
        for byte in content {
            if skipNext {
                skipNext = false
                continue
            }
            unescaped.append(byte)
            if byte == CSVParser.quote { skipNext = true }
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}
