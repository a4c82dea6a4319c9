import XCTest

@testable import DFXProject

/// Path handling of the project file scanner (byte-wise, see `FileScanner.normalize`).
final class FileScannerPathTests: XCTestCase {
    func testNormalizeFoldsDotsAndSlashes() {
        let cases: [(String, String)] = [
            ("models/staging/a.sql", "models/staging/a.sql"),
            ("./models//staging/./a.sql", "models/staging/a.sql"),
            ("models/../seeds/b.csv", "seeds/b.csv"),
            ("../shared/models/a.sql", "../shared/models/a.sql"),
            ("../../x", "../../x"),
            ("a/b/../../..", ".."),
            ("/srv/project/../other/./m.sql", "/srv/other/m.sql"),
            ("/../x", "/x"),
            ("", "."),
            (".", "."),
            ("models/é/ü.sql", "models/é/ü.sql"),
            ("models/..x/.y", "models/..x/.y"),
        ]
        for (path, expected) in cases {
            XCTAssertEqual(FileScanner.normalize(path), expected, path)
        }
    }

    func testExtensionsMatchByteForByte() {
        XCTAssertTrue(FileScanner.endsWith("models/a.sql", ".sql"))
        XCTAssertFalse(FileScanner.endsWith("models/a.sqlx", ".sql"))
        XCTAssertFalse(FileScanner.endsWith("sql", ".sql"))
        XCTAssertTrue(FileScanner.endsWith("schema.yml", ".yml"))
    }

    func testJoinKeepsAbsolutePaths() {
        XCTAssertEqual(FileScanner.join("/root", "models"), "/root/models")
        XCTAssertEqual(FileScanner.join("/root/", "models"), "/root/models")
        XCTAssertEqual(FileScanner.join("/root", "/abs"), "/abs")
        XCTAssertEqual(FileScanner.join("/root", "."), "/root")
    }
}
