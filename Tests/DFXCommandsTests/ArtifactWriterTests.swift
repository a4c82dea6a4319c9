@testable import DFXCommands
import Foundation
import XCTest

/// `writeIfChanged` leaves a file that already holds the text alone (its mtime stays) and rewrites
/// every other case: missing, shorter, longer, same length with other bytes, empty.
final class ArtifactWriterTests: XCTestCase {
    func testWriteIfChangedRewritesOnlyWhatDiffers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-writeifchanged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "select 1 as id\n"
        let cases: [(name: String, existing: String?, wanted: String)] = [
            ("missing", nil, text),
            ("equal", text, text),
            ("shorter on disk", String(text.dropLast()), text),
            ("longer on disk", text + "-- more\n", text),
            ("same length, other bytes", text.replacingOccurrences(of: "1", with: "2"), text),
            ("empty wanted, non-empty on disk", text, ""),
            ("empty both", "", ""),
        ]
        for (name, existing, wanted) in cases {
            let path = folder.appendingPathComponent(name.replacingOccurrences(of: " ", with: "_") + ".sql").path
            // An existing file is dated 2001, so that a rewrite shows in its mtime whatever the clock's tick.
            let old = Date(timeIntervalSinceReferenceDate: 0)
            if let existing {
                try Data(existing.utf8).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
            }
            XCTAssertTrue(ArtifactWriter.writeIfChanged(path, wanted), name)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), wanted, name)
            let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            if existing == wanted {
                XCTAssertEqual(modified, old, "\(name): an equal file must not be rewritten")
            } else {
                XCTAssertNotEqual(modified, old, "\(name): a different file must be written")
            }
        }
    }

    /// Comparing an equal file leaves its access time alone: under `relatime` the first read after a
    /// write would update it (and dirty the inode of every compiled file on the first re-compile).
    /// The file's access time is set equal to its modification time, the state right after a write.
    func testComparingDoesNotTouchTheAccessTime() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-noatime-\(UUID().uuidString).sql").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "select 2 as id\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        XCTAssertTrue(ArtifactWriter.writeIfChanged(path, text))
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        XCTAssertEqual(status.st_atim.tv_sec, 1_000_000_000, "the comparison updated the access time")
        XCTAssertEqual(status.st_mtim.tv_sec, 1_000_000_000, "an equal file was rewritten")
    }
}
