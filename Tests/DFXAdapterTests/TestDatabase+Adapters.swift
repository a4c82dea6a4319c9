import DFXPostgres
import DFXTestSupport
import Foundation

/// Connections the adapter tests open: the test PostgreSQL server (session time zone fixed to UTC)
/// and SQLite files in fresh temporary folders.
extension TestDatabase {
    static func postgres(file: StaticString = #filePath, line: UInt = #line) throws -> PostgresConnection {
        let connection = try PostgresConnection(parameters: ["dbname": try postgresURL(file: file, line: line)])
        try connection.execute("set timezone = 'UTC'")
        return connection
    }

    /// The path of a database file in a new empty temporary folder.
    static func sqlitePath() throws -> String {
        try temporaryDirectory() + "/test.db"
    }
}
