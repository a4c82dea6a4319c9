@testable import DFXBasics
import XCTest

final class DigestTests: XCTestCase {
    // Reference values from RFC 1321, FIPS 180-2 and `printf … | sha256sum`/`md5sum`.
    func testKnownVectors() {
        XCTAssertEqual(Digest.md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(Digest.md5Hex("The quick brown fox jumps over the lazy dog"), "9e107d9d372bb6826bd81d3542a419d6")
        XCTAssertEqual(Digest.sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Digest.sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "a", count: 1000)
        XCTAssertEqual(Digest.sha256Hex(long), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        XCTAssertEqual(Digest.md5Hex(long), "cabe45dcc9ae5b66ba86600cca6b8ba8")
    }

    /// Messages around the padding boundaries (55/56 bytes leave no room for the length in the
    /// last block); references from Python's hashlib.
    func testSHA256PaddingBoundaries() {
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
        ]
        for (length, digest) in expected {
            XCTAssertEqual(Digest.sha256Hex(String(repeating: "a", count: length)), digest, "\(length) bytes")
        }
    }

    /// MD5 around the same boundaries, on text that is not one repeated byte (so a word loaded in
    /// the wrong order shows); references from Python's hashlib.
    func testMD5PaddingBoundaries() {
        let expected = [
            55: "0d7ae056b2f015cd7dc67494efd658f1", 56: "31fcfb5165169eb55898e7e4cf34d19a",
            57: "fd62afaf3aa1e2a52882cb464f5ccc4d", 63: "1b30c0670c15e7da3c2ba7bce77ebe99",
            64: "a2eaf6295c32adc403865fd96a2f182b", 65: "eba2cce0ca8df47e62414a736b3105a2",
            119: "b05187e08da41fa3ef16bd56afaafd99", 120: "62af9b597a9f55e16ab2b897387fc052",
        ]
        for (length, digest) in expected {
            let text = String(decoding: (0..<length).map { UInt8(97 + $0 % 26) }, as: UTF8.self)
            XCTAssertEqual(Digest.md5Hex(text), digest, "\(length) bytes")
            XCTAssertEqual(Digest.hex(Digest.md5(Array(text.utf8))), digest, "\(length) bytes as an array")
        }
    }

    /// A substring is hashed in place, from its own first byte (not its base string's).
    func testSHA256OfSubstring() {
        let text = "  é-ü  " + String(repeating: "x", count: 70)
        let slice = text.dropFirst(2)
        XCTAssertEqual(Digest.sha256Hex(slice), "8d857a6838f478c4481681e4b04af0947072be2bf6a36d9018668aaba6c68d61")
        XCTAssertEqual(Digest.sha256Hex(slice), Digest.sha256Hex(String(slice)))
        XCTAssertEqual(Digest.hex(Digest.sha256(Array(slice.utf8))), Digest.sha256Hex(slice))
    }

    /// libcrypto's SHA-256 (the fast path) and the portable `SHA256Core` (the fallback) agree on
    /// every length across three blocks, on bytes that are not one repeated value.
    func testLibCryptoAndPortableSHA256Agree() {
        XCTAssertTrue(LibCryptoSHA256.isAvailable, "libcrypto's SHA-256 could not be fetched")
        for length in 0...200 {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let portable = message.withUnsafeBytes { SHA256Core.hash($0) }
            var fast = [UInt8](repeating: 0, count: 32)
            let hashed = message.withUnsafeBytes { bytes in
                fast.withUnsafeMutableBytes { LibCryptoSHA256.hash(bytes, into: $0) }
            }
            XCTAssertTrue(hashed, "\(length) bytes")
            XCTAssertEqual(fast, portable, "\(length) bytes")
        }
    }
}
