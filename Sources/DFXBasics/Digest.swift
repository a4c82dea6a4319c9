/// MD5 and SHA-256 over bytes, for file checksums in artifacts (dbt writes sha256), dbt-compatible
/// test names (md5 of long names) and stable hashes. Not for security.
///
/// Both read the input in place (a string's UTF-8 storage, an array's buffer). `dfx compile` hashes
/// every file of a project, so SHA-256 goes through libcrypto (`LibCryptoSHA256`, hardware SHA
/// instructions) and falls back to the portable `SHA256Core`; MD5 only ever hashes short names and
/// stays portable (`MD5Core`).
public enum Digest {
    /// Lower-case hex SHA-256 of `text`'s UTF-8 bytes.
    public static func sha256Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { sha256Hex(UnsafeRawBufferPointer($0)) }
    }

    /// Lower-case hex SHA-256 of `text`'s UTF-8 bytes (a slice of a larger string, not copied).
    public static func sha256Hex(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { sha256Hex(UnsafeRawBufferPointer($0)) }
    }

    /// Lower-case hex MD5 of `text`'s UTF-8 bytes.
    public static func md5Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(MD5Core.hash(UnsafeRawBufferPointer($0))) }
    }

    /// Lower-case hex of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    /// SHA-256 (FIPS 180-4).
    public static func sha256(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { bytes in
            var digest = [UInt8](repeating: 0, count: 32)
            let hashed = digest.withUnsafeMutableBytes { LibCryptoSHA256.hash(bytes, into: $0) }
            return hashed ? digest : SHA256Core.hash(bytes)
        }
    }

    /// MD5 (RFC 1321).
    public static func md5(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { MD5Core.hash($0) }
    }

    private static func sha256Hex(_ message: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { digest in
            LibCryptoSHA256.hash(message, into: digest)
                ? hex(UnsafeRawBufferPointer(digest)) : hex(SHA256Core.hash(message))
        }
    }

    private static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (index, byte) in bytes.enumerated() {
                out[index * 2] = hexDigit(byte >> 4)
                out[index * 2 + 1] = hexDigit(byte & 0x0F)
            }
            return bytes.count * 2
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x57 + nibble
    }
}

/// Merkle–Damgård padding shared by MD5 and SHA-256: the message's full 64-byte blocks are read
/// in place, the tail (with `0x80`, zeros and the bit length) goes through a 128-byte buffer.
enum DigestPadding {
    /// Calls `block` with every 64-byte block of the padded message, in order.
    @inline(__always)
    static func forEachBlock(
        _ message: UnsafeRawBufferPointer, bigEndianLength: Bool, _ block: (UnsafeRawPointer) -> Void
    ) {
        let fullBlocks = message.count / 64
        if let base = message.baseAddress {
            for index in 0..<fullBlocks { block(base + index * 64) }
        }
        let tailCount = message.count - fullBlocks * 64
        let bitLength = UInt64(message.count) &* 8
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            if tailCount > 0, let base = message.baseAddress {
                tail.baseAddress?.copyMemory(from: base + fullBlocks * 64, byteCount: tailCount)
            }
            tail[tailCount] = 0x80
            let total = tailCount < 56 ? 64 : 128
            let length = bigEndianLength ? bitLength.bigEndian : bitLength.littleEndian
            tail.storeBytes(of: length, toByteOffset: total - 8, as: UInt64.self)
            guard let base = tail.baseAddress else { return }
            block(UnsafeRawPointer(base))
            if total == 128 { block(UnsafeRawPointer(base + 64)) }
        }
    }
}
