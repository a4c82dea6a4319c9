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

    /// The fast path: a path `isNormal` accepts is one `normalize` returns unchanged; the paths the
    /// scanner builds take it, the rest (dots, doubled or trailing slashes, the root) are folded.
    func testIsNormalOnlyAcceptsPathsNormalizeLeavesAlone() {
        let cases: [(String, Bool)] = [
            ("models/staging/a.sql", true), ("/srv/p/models/a.sql", true), ("a", true), ("...", true), ("a/.b", true),
            ("a/..b", true), ("a/b./c", true), ("models/é/ü.sql", true),
            ("/", false), ("", false), (".", false), ("..", false), ("a/", false), ("a//b", false), ("//a", false),
            ("./a", false), ("a/.", false), ("a/..", false), ("../a", false), ("/a/./b", false),
        ]
        for (path, expected) in cases {
            XCTAssertEqual(FileScanner.isNormal(path), expected, path)
            if expected { XCTAssertEqual(FileScanner.normalize(path), path, path) }
        }
    }

    func testReadTextReadsWholeFilesAndRepairsUTF8() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = String(repeating: "select 1 -- é\n", count: 20_000)
        let cases: [(String, [UInt8], String)] = [
            ("empty.sql", [], ""),
            ("big.sql", Array(big.utf8), big),
            ("broken.sql", [0x61, 0xFF, 0x62], "a\u{FFFD}b"),
        ]
        for (name, bytes, expected) in cases {
            let path = directory.appendingPathComponent(name).path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            XCTAssertEqual(FileScanner.readText(path), expected, name)
        }
        XCTAssertNil(FileScanner.readText(directory.appendingPathComponent("missing.sql").path))
    }

    /// Many files read by many threads come back in order; a missing one is nil.
    func testReadTextsKeepsOrderAcrossReaders() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for index in 0..<(FileScanner.readers * 3 + 5) {
            let path = directory.appendingPathComponent("m\(index).sql").path
            if index != 7 { XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("select \(index)".utf8))) }
            paths.append(path)
        }
        let texts = FileScanner.readTexts(paths)
        XCTAssertEqual(texts.count, paths.count)
        for (index, text) in texts.enumerated() {
            XCTAssertEqual(text, index == 7 ? nil : "select \(index)", "file \(index)")
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
