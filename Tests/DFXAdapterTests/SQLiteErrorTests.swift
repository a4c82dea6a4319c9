import DFXSQL
import DFXSQLite
import XCTest

final class SQLiteErrorTests: XCTestCase {
    /// (statement, 1-based character position, a piece of the message)
    static let cases: [(String, Int?, String)] = [
        ("select no_such_column from (select 1 as a)", 8, "no_such_column"),
        // In the second statement: the offset counts from the start of the whole text.
        ("select 1; select nope from (select 1 as a)", 18, "nope"),
        // Characters, not bytes: 'é日' is two characters and five bytes.
        ("select 'é日', nope from (select 1 as a)", 14, "nope"),
        // SQLite reports no offset for a missing table.
        ("select * from \"raw.missing\"", nil, "raw.missing"),
        ("selec 1", 1, "syntax error"),
    ]

    func testErrorsCarryTheCharacterPosition() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        for (sql, position, message) in Self.cases {
            XCTAssertThrowsError(try connection.execute(sql)) { error in
                guard let error = error as? DatabaseError else { return XCTFail("unexpected \(error)") }
                XCTAssertEqual(error.position, position, sql)
                XCTAssertTrue(error.message.contains(message), error.message)
                XCTAssertEqual(error.statement, sql)
                XCTAssertEqual(error.code, "1", sql)
            }
        }
    }

    func testConstraintFailuresCarryTheExtendedCode() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("create table t (a int primary key)")
        try connection.execute("insert into t values (?)", parameters: [.int(1)])
        XCTAssertThrowsError(try connection.execute("insert into t values (?)", parameters: [.int(1)])) { error in
            // SQLITE_CONSTRAINT_PRIMARYKEY
            XCTAssertEqual((error as? DatabaseError)?.code, "1555")
        }
    }
}
