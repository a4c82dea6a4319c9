/// The string keys of the dicts one `{'a': ..., 'b': ...}` display builds, shared by all of them and
/// indexed by `NameKey.hash`, so that `record.field` finds its entry without comparing the other keys.
/// A dict drops its shape when a key is added or removed.
final class KeyShape: Sendable {
    private let keys: [String]
    private let hashes: [UInt64]
    /// Positions + 1 in an open-addressing table (0: empty), at most half full.
    private let slots: [Int32]

    init(_ keys: [String]) {
        self.keys = keys
        hashes = keys.map(NameKey.hash)
        var capacity = 8
        while capacity < keys.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        for (position, hash) in hashes.enumerated() {
            var index = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[index] != 0 { index = (index + 1) & (capacity - 1) }
            slots[index] = Int32(position + 1)
        }
        self.slots = slots
    }

    /// The position of `key` (whose `NameKey.hash` is `hash`), or nil.
    @inline(__always)
    func position(of key: String, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = Int(slots[index])
            if slot == 0 { return nil }
            if hashes[slot - 1] == hash, keys[slot - 1] == key { return slot - 1 }
            index = (index + 1) & mask
        }
    }
}
