#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ordering strings by their UTF-8 bytes (which is Unicode code point order) with one `memcmp`,
/// for the sorts that run over every node of a project. `utf8.lexicographicallyPrecedes` gives the
/// same answer one byte at a time through an iterator; `<` on `String` orders canonically
/// equivalent spellings together, which artifacts do not need and which costs more.
package enum ByteOrder {
    /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, equal to or after `b`'s.
    @inline(__always)
    package static func compare(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in compare(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) }
        }
        if let fast, let result = fast { return result }
        // Bridged or otherwise non-contiguous strings: the general path.
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// Whether `a`'s UTF-8 bytes sort strictly before `b`'s.
    @inline(__always)
    package static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// `strings` in the order `String`'s `<` gives them. When every string is ASCII (names, IDs,
    /// paths: the usual case) that order is their bytes' order, and they are sorted as spans of one
    /// byte buffer compared with `memcmp`: sorting the Strings themselves compared Unicode scalars
    /// and retained and released every string each step moved. Otherwise `sorted()`.
    package static func sorted(_ strings: [String]) -> [String] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int, index: Int)] = []
        spans.reserveCapacity(strings.count)
        for (index, string) in strings.enumerated() {
            let start = bytes.count
            bytes.append(contentsOf: string.utf8)
            spans.append((start, bytes.count - start, index))
        }
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return strings.sorted() }
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            spans.sort { left, right in
                compare(
                    UnsafeRawBufferPointer(start: base + left.start, count: left.count),
                    UnsafeRawBufferPointer(start: base + right.start, count: right.count)) < 0
            }
        }
        return spans.map { strings[$0.index] }
    }

    /// `compare` over two byte buffers.
    @inline(__always)
    package static func compare(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
        let common = min(x.count, y.count)
        if common > 0, let left = x.baseAddress, let right = y.baseAddress {
            let result = memcmp(left, right, common)
            if result != 0 { return Int(result) }
        }
        return x.count - y.count
    }
}
