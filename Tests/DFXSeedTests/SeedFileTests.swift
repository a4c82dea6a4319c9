import DFXBasics
import DFXSeed
import XCTest

/// Reading seed files from disk, and their manifest checksum.
final class SeedFileTests: XCTestCase {
    func testReadsFixtureFromDisk() throws {
        let path = try XCTUnwrap(Fixture.path("tricky"))
        let table = try SeedTable(contentsOf: path, path: "seeds/tricky.csv")
        XCTAssertEqual(table.bytes, Fixture.bytes("tricky"))
        XCTAssertEqual(table.rowCount, 4)
        XCTAssertEqual(table.columnNames.first, "id")
    }

    func testMissingFileIsADiagnostic() {
        XCTAssertThrowsError(try SeedTable(contentsOf: "/nonexistent/dfx/seed.csv", path: "seeds/seed.csv")) { error in
            XCTAssertEqual("\(error)", "error: cannot read seed file seeds/seed.csv: No such file or directory")
        }
    }

    func testChecksum() {
        let cases: [(bytes: [UInt8], name: String, checksum: String)] = [
            // SHA-256("abc") from FIPS 180-2; surrounding whitespace is stripped first, as dbt does.
            (Array("abc".utf8), "sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (Array("\r\n abc\n\n".utf8), "sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ([], "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ([UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) + 1), "path", "seeds/big.csv"),
        ]
        for (bytes, name, checksum) in cases {
            let sum = SeedChecksum(bytes: bytes, path: "seeds/big.csv")
            XCTAssertEqual(sum.name, name)
            XCTAssertEqual(sum.checksum, checksum)
        }
    }

    func testTableChecksumIsTheFileChecksum() throws {
        let table = try SeedTable(bytes: Array("a\n1\n".utf8), path: "seeds/a.csv")
        XCTAssertEqual(table.checksum, SeedChecksum(bytes: Array("a\n1".utf8), path: "x"))
    }
}
