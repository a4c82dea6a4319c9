/// What a chain of `lower`, `upper` and one-ASCII-character `replace` filters does to ASCII text,
/// as a table of 128 bytes (see `FilterNode.byteMap`).
final class ByteMap: @unchecked Sendable {
    /// `table[b]` is what the chain turns the ASCII byte `b` into.
    let table: UnsafeMutableBufferPointer<UInt8>
    /// The filters, innermost first, with their spans (for text that is not ASCII).
    let steps: [(FilterNode.Special, Span)]
    /// The innermost filter's base, and the same node when it is a `~` chain.
    let base: ExprNode
    let concat: ConcatNode?

    /// The map for the filter `special` applied to `base`; nil unless every filter of the chain is
    /// byte-mappable and the chain has a base.
    init?(special: FilterNode.Special, span: Span, base: ExprNode?) {
        var steps = [(special, span)]
        var current = base
        while let filter = current as? FilterNode, filter.byteMap != nil || ByteMap.maps(filter.special) {
            if let inner = filter.byteMap {
                steps.append(contentsOf: inner.steps.reversed())
                current = inner.base
                break
            }
            steps.append((filter.special, filter.span))
            current = filter.base
        }
        guard let current, steps.allSatisfy({ ByteMap.maps($0.0) }) else { return nil }
        steps.reverse()
        var bytes = Array(0..<UInt8(128))
        for (step, _) in steps {
            for index in bytes.indices {
                let byte = bytes[index]
                switch step {
                case .lower: if byte >= 0x41 && byte <= 0x5A { bytes[index] = byte + 0x20 }
                case .upper: if byte >= 0x61 && byte <= 0x7A { bytes[index] = byte - 0x20 }
                case .replace(let old, let new): if byte == old.utf8.first { bytes[index] = new.utf8.first ?? byte }
                case .none: break
                }
            }
        }
        table = UnsafeMutableBufferPointer.allocate(capacity: 128)
        _ = table.initialize(from: bytes)
        self.steps = steps
        self.base = current
        self.concat = current as? ConcatNode
    }

    deinit { table.deallocate() }

    /// Whether a filter is a byte map of ASCII text: case changes, and `replace` of one ASCII
    /// character by one ASCII character.
    static func maps(_ special: FilterNode.Special) -> Bool {
        switch special {
        case .lower, .upper: return true
        case .replace(let old, let new):
            return old.utf8.count == 1 && new.utf8.count == 1 && (old.utf8.first ?? 0x80) < 0x80 && (new.utf8.first ?? 0x80) < 0x80
        case .none: return false
        }
    }
}
