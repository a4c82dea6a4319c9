/// The free names an environment resolves (globals, registered macros, namespaces), in an
/// open-addressing table keyed by `NameKey.hash`: a name node, which has its hash from compile
/// time, finds its entry without hashing text. A value type (copy on write through its arrays).
struct FreeNameTable: Sendable {
    private struct Entry: Sendable {
        let hash: UInt64
        let name: String
        var value: FreeName
    }

    /// Indices into `entries` (-1: empty); the count is a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var entries: [Entry] = []

    /// The entry for `name`, whose `NameKey.hash` is `hash`.
    @inline(__always)
    func find(_ name: String, hash: UInt64) -> FreeName? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = Int(slots[index])
            if slot < 0 { return nil }
            if entries[slot].hash == hash, entries[slot].name == name { return entries[slot].value }
            index = (index + 1) & mask
        }
    }

    /// The entry for `name`.
    subscript(name: String) -> FreeName? { find(name, hash: NameKey.hash(name)) }

    /// Adds or replaces the entry for `name`.
    mutating func set(_ name: String, _ value: FreeName) {
        let hash = NameKey.hash(name)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] >= 0 {
            let slot = Int(slots[index])
            if entries[slot].hash == hash, entries[slot].name == name {
                entries[slot].value = value
                return
            }
            index = (index + 1) & mask
        }
        slots[index] = Int32(entries.count)
        entries.append(Entry(hash: hash, name: name, value: value))
        if entries.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        let mask = capacity - 1
        for (position, entry) in entries.enumerated() {
            var index = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(position)
        }
    }
}
