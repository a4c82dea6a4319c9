import DFXPostgres
import Foundation
import XCTest

/// The databases the adapter tests run against: the PostgreSQL server named by
/// `DFX_TEST_POSTGRES_URL` (scripts/test.sh or scripts/postgres-start.sh set it) and SQLite files in
/// fresh temporary folders. Without the URL a PostgreSQL test fails; it never skips.
enum TestDatabase {
    static func postgresURL(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DFX_TEST_POSTGRES_URL"], !url.isEmpty else {
            XCTFail(
                "DFX_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh (it starts a PostgreSQL server)",
                file: file, line: line)
            throw CancellationError()
        }
        return url
    }

    /// A new connection to the test server, with the session time zone fixed to UTC.
    static func postgres(file: StaticString = #filePath, line: UInt = #line) throws -> PostgresConnection {
        let connection = try PostgresConnection(parameters: ["dbname": try postgresURL(file: file, line: line)])
        try connection.execute("set timezone = 'UTC'")
        return connection
    }

    /// The path of a database file in a new empty temporary folder.
    static func sqlitePath() throws -> String {
        let folder = NSTemporaryDirectory() + "dfx-adapter-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/test.db"
    }

    /// A table name unique to this test run (PostgreSQL tests share one database).
    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}
