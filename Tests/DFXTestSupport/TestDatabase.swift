import Foundation
import XCTest

/// The PostgreSQL server of the test run: `DFX_TEST_POSTGRES_URL`, set by scripts/test.sh (or
/// `eval "$(scripts/postgres-start.sh)"`). Without it a test fails, it never skips.
public enum TestDatabase {
    public static func postgresURL(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DFX_TEST_POSTGRES_URL"], !url.isEmpty else {
            XCTFail(
                "DFX_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh (it starts a PostgreSQL server)",
                file: file, line: line)
            throw CancellationError()
        }
        return url
    }

    /// A fresh lower-case name, unique to this test run.
    public static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// A new empty temporary folder.
    public static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "dfx-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
