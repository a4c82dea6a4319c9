/// Cheap keys for free-name lookups, computed once per name node at compile time: a 64-bit
/// FNV-1a hash (for `FreeNameTable`) and one bit of a 64-bit filter of the render context's keys
/// (so that a name the context cannot hold skips the context's dictionary lookup).
enum NameKey {
    /// FNV-1a over the UTF-8 bytes.
    static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The name's bit in a context filter: from its length and first byte, cheap enough to compute
    /// for every context key at each render.
    @inline(__always)
    static func filterBit(_ name: String) -> UInt64 {
        let utf8 = name.utf8
        return 1 << UInt64((utf8.count &* 7 &+ Int(utf8.first ?? 0)) & 63)
    }
}
