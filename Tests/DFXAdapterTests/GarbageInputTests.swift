import DFXTestSupport
import DFXPostgres
import DFXSQL
import DFXSQLite
import XCTest

/// Statements made of random SQL fragments: each either runs or fails with a `DatabaseError`; no
/// input crashes an adapter or leaves its connection unusable.
final class GarbageInputTests: XCTestCase {
    static let fragments = [
        "select", " ", "(", ")", "'", "''", "\"", "$1", "?", "?1", ":a", "\\", ";", "--", "/*", "*/", "1", "1.5e9", "x",
        "from", "where", "=", ",", "null", "é", "🚀", "\n", "\t", "values", "with", "as", "union", "e'", "$$", "::", "[",
        "copy", "stdin", "begin", "commit", "rollback", "savepoint", "pragma",
    ]

    static func statements(count: Int) -> [String] {
        var generator = SplitMix(seed: 42)
        return (0..<count).map { _ in
            (0..<Int(generator.next() % 12)).map { _ in fragments[Int(generator.next() % UInt64(fragments.count))] }.joined()
        }
    }

    func testSQLiteSurvivesGarbage() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        for statement in Self.statements(count: 3000) {
            do { _ = try connection.query(statement, parameters: []) } catch {}
            try? connection.rollback()
        }
        XCTAssertEqual(try connection.fetch("select 1").rows, [[.int(1)]])
    }

    func testPostgresSurvivesGarbage() throws {
        let connection = try TestDatabase.postgres()
        for statement in Self.statements(count: 1000) {
            do { _ = try connection.query(statement, parameters: [.text("p")]) } catch {}
            do { _ = try connection.query(statement, parameters: []) } catch {}
            try? connection.rollback()
        }
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try connection.fetch("select 1").rows, [[.int(1)]])
    }

    func testNULInsideSQLiteTextRoundTrips() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        XCTAssertEqual(try connection.query("select ?", parameters: [.text("a\u{0}b")]).rows, [[.text("a\u{0}b")]])
    }
}
