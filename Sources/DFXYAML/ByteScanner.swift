/// A cursor over bytes for the resolver's hand-written regular expressions.
struct ByteScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    /// Consumes one ASCII character if it is next.
    mutating func take(_ character: Unicode.Scalar) -> Bool {
        takeOne { $0 == UInt8(ascii: character) }
    }

    /// Consumes `[-+]?`; true when a sign was there.
    @discardableResult
    mutating func skipSign() -> Bool {
        take("-") || take("+")
    }

    mutating func takeOne(_ predicate: (UInt8) -> Bool) -> Bool {
        guard position < bytes.count, predicate(bytes[position]) else { return false }
        position += 1
        return true
    }

    /// Consumes the longest run of matching bytes; false (consuming nothing) if shorter than `minimum`.
    mutating func takeRun(minimum: Int, _ predicate: (UInt8) -> Bool) -> Bool {
        let start = position
        while position < bytes.count, predicate(bytes[position]) { position += 1 }
        if position - start < minimum {
            position = start
            return false
        }
        return true
    }

    /// Consumes one of the ASCII words if it is next.
    mutating func takeWord(_ words: [String]) -> Bool {
        for word in words {
            let utf8 = Array(word.utf8)
            if bytes.count - position >= utf8.count, Array(bytes[position..<position + utf8.count]) == utf8 {
                position += utf8.count
                return true
            }
        }
        return false
    }

    /// `(?::[0-5]?[0-9])+` — greedy is exact here: a segment is always followed by `:`, `.` or the end.
    mutating func takeSexagesimalSegments() -> Bool {
        var count = 0
        while position < bytes.count, bytes[position] == UInt8(ascii: ":") {
            let start = position
            position += 1
            if position + 1 < bytes.count, (0x30...0x35).contains(bytes[position]),
                YAMLResolver.isDigit(bytes[position + 1])
            {
                position += 2
            } else if position < bytes.count, YAMLResolver.isDigit(bytes[position]) {
                position += 1
            } else {
                position = start
                return false
            }
            count += 1
        }
        return count > 0
    }

    /// `(?:[eE][-+][0-9]+)?` — the sign is required, as in PyYAML.
    mutating func takeOptionalExponent() -> Bool {
        let start = position
        guard take("e") || take("E") else { return true }
        guard skipSign(), takeRun(minimum: 1, YAMLResolver.isDigit) else {
            position = start
            return false
        }
        return true
    }
}
