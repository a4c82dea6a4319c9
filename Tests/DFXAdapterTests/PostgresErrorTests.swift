import DFXTestSupport
import DFXPostgres
import DFXSQL
import XCTest

final class PostgresErrorTests: XCTestCase {
    /// (statement, SQLSTATE, position, a piece of the message, detail, hint)
    static let cases: [(String, String, Int?, String, String?, String?)] = [
        // `frm` reads as a column alias; the error is at the `x` after it.
        ("select 1 frm x", "42601", 14, "syntax error", nil, nil),
        ("select 1 from no_such_table_here", "42P01", 15, "no_such_table_here", nil, nil),
        ("select 'ü日' || nope", "42703", 16, "nope", nil, nil),
        ("select 1 / 0", "22012", nil, "division by zero", nil, nil),
        ("select 'a'::text + 1", "42883", 18, "operator does not exist", nil,
         "No operator matches the given name and argument types. You might need to add explicit type casts."),
    ]

    func testErrorsCarrySQLStateMessagePositionDetailAndHint() throws {
        let connection = try TestDatabase.postgres()
        for (sql, code, position, message, detail, hint) in Self.cases {
            XCTAssertThrowsError(try connection.execute(sql)) { error in
                guard let error = error as? DatabaseError else { return XCTFail("unexpected \(error)") }
                XCTAssertEqual(error.code, code, sql)
                XCTAssertEqual(error.position, position, sql)
                XCTAssertTrue(error.message.contains(message), error.message)
                XCTAssertEqual(error.detail, detail, sql)
                XCTAssertEqual(error.hint, hint, sql)
                XCTAssertEqual(error.statement, sql)
            }
            // The connection is still usable.
            XCTAssertEqual(try connection.fetch("select 1").rows, [[.int(1)]])
        }
    }

    func testBoundStatementsReportPositionsToo() throws {
        let connection = try TestDatabase.postgres()
        let sql = "select $1::int + nope"
        XCTAssertThrowsError(try connection.query(sql, parameters: [.int(1)])) { error in
            guard let error = error as? DatabaseError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(error.code, "42703")
            XCTAssertEqual(error.position, 18)
            XCTAssertEqual(error.statement, sql)
        }
    }

    func testConstraintViolationsCarryTheDetail() throws {
        let connection = try TestDatabase.postgres()
        let table = TestDatabase.uniqueName("unique")
        try connection.execute("create temporary table \(table) (a int primary key)")
        try connection.execute("insert into \(table) values ($1)", parameters: [.int(1)])
        XCTAssertThrowsError(try connection.execute("insert into \(table) values ($1)", parameters: [.int(1)])) { error in
            guard let error = error as? DatabaseError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(error.code, "23505")
            XCTAssertEqual(error.detail, "Key (a)=(1) already exists.")
        }
    }

    func testALostConnectionFailsStatementsUntilReconnected() throws {
        let connection = try TestDatabase.postgres()
        XCTAssertTrue(connection.isConnected)
        XCTAssertThrowsError(try connection.execute("select pg_terminate_backend(pg_backend_pid())")) { error in
            // libpq may report the server's FATAL (57P01) or only the closed socket (no SQLSTATE).
            XCTAssertTrue([nil, "57P01"].contains((error as? DatabaseError)?.code), "\(error)")
        }
        XCTAssertThrowsError(try connection.execute("select 1"))
        XCTAssertFalse(connection.isConnected)
        try connection.reconnect()
        XCTAssertTrue(connection.isConnected)
        XCTAssertEqual(try connection.fetch("select current_setting('application_name')").rows, [[.text("dfx")]])
    }

    func testCopyThroughExecuteIsRefusedAndTheConnectionSurvives() throws {
        let connection = try TestDatabase.postgres()
        let table = TestDatabase.uniqueName("copy")
        try connection.execute("create temporary table \(table) (a int)")
        XCTAssertThrowsError(try connection.execute("copy \(table) from stdin"))
        XCTAssertThrowsError(try connection.execute("copy \(table) to stdout"))
        XCTAssertEqual(try connection.fetch("select count(*) from \(table)").rows, [[.int(0)]])
    }
}
