import DFXTestSupport
import DFXSQL
import DFXSQLite
import XCTest

final class SQLiteConnectionTests: XCTestCase {
    func testOpensAFileInWALModeAndQueries() throws {
        let path = try TestDatabase.temporaryDirectory() + "/test.db"
        let connection = try SQLiteConnection(path: path)
        XCTAssertEqual(try connection.query("pragma journal_mode").first?.first, "wal")
        try connection.query(#"create table "raw.t" (a integer, b text)"#)
        try connection.query(#"insert into "raw.t" values (1, null), (2, 'x')"#)
        XCTAssertEqual(try connection.query(#"select a, b from "raw.t" order by a"#), [["1", nil], ["2", "x"]])
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testErrorsCarryTheStatementOffset() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        // sqlite3_error_offset points at the unknown column (0-based 7 → 1-based 8).
        let sql = "select no_such_column from (select 1 as a)"
        XCTAssertThrowsError(try connection.query(sql)) { error in
            guard let error = error as? DatabaseError else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(error.message.contains("no_such_column"), error.message)
            XCTAssertEqual(error.position, 8)
        }
    }
}
