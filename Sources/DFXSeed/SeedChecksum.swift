import DFXBasics

/// A seed file's checksum for the manifest, as dbt computes it: SHA-256 of the contents with
/// surrounding whitespace stripped, or, for files over 1 MiB, the file's path (`name: path`) so that a
/// large seed is not hashed on every parse.
public struct SeedChecksum: Sendable, Hashable {
    /// `sha256` or `path`.
    public var name: String
    /// Lower-case hex digest, or the path.
    public var checksum: String

    /// dbt's `MAXIMUM_SEED_SIZE`: 1 MiB.
    public static let maximumHashedSize = 1 << 20

    /// A checksum as recorded (e.g. read back from a manifest).
    public init(name: String, checksum: String) {
        self.name = name
        self.checksum = checksum
    }

    /// The checksum of a seed file's bytes; `path` is used as is for files over the limit.
    public init(bytes: [UInt8], path: String) {
        guard bytes.count <= Self.maximumHashedSize else {
            self.init(name: "path", checksum: path)
            return
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in Digest.sha256(Array(bytes[start..<end])) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        self.init(name: "sha256", checksum: String(decoding: hex, as: UTF8.self))
    }
}
