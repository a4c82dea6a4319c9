/// A set of node indices as a bitset: union, intersection and difference cost O(V / 64).
struct NodeSet: Sendable, Equatable {
    private(set) var words: [UInt64]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        self.words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    static func all(_ capacity: Int) -> NodeSet {
        var set = NodeSet(capacity: capacity)
        for index in 0..<capacity { set.insert(index) }
        return set
    }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Inserts and reports whether the index was new.
    @inline(__always) @discardableResult
    mutating func insert(_ index: Int) -> Bool {
        let mask: UInt64 = 1 << UInt64(index & 63)
        let old = words[index >> 6]
        words[index >> 6] = old | mask
        return old & mask == 0
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    mutating func formUnion(_ other: NodeSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    mutating func formIntersection(_ other: NodeSet) {
        for index in words.indices { words[index] &= other.words[index] }
    }

    mutating func subtract(_ other: NodeSet) {
        for index in words.indices { words[index] &= ~other.words[index] }
    }

    func union(_ other: NodeSet) -> NodeSet {
        var copy = self
        copy.formUnion(other)
        return copy
    }

    /// The member indices, ascending.
    var members: [Int] {
        var result: [Int] = []
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                result.append(wordIndex << 6 + bit)
                bits &= bits - 1
            }
        }
        return result
    }
}
