import DFXTestSupport
import DFXPostgres
import DFXSQL
import XCTest

final class PostgresConnectionTests: XCTestCase {
    func testConnectsAndDecodesRowsIncludingNull() throws {
        let connection = try PostgresConnection(parameters: ["dbname": try TestDatabase.postgresURL()])
        XCTAssertGreaterThanOrEqual(connection.serverVersion, 120_000)
        let rows = try connection.query("select 1 as a, null::text as b, 'x''y' as c union all select 2, 'z', ''")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0], ["1", nil, "x'y"])
        XCTAssertEqual(rows[1], ["2", "z", ""])
        let name = try connection.query("select current_setting('application_name')")
        XCTAssertEqual(name.first?.first, "dfx")
    }

    func testErrorsCarrySQLStateMessageAndPosition() throws {
        let connection = try PostgresConnection(parameters: ["dbname": try TestDatabase.postgresURL()])
        let sql = "select 1 from no_such_table_here"
        XCTAssertThrowsError(try connection.query(sql)) { error in
            guard let error = error as? DatabaseError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(error.code, "42P01")
            XCTAssertTrue(error.message.contains("no_such_table_here"), error.message)
            // PostgreSQL reports the 1-based character position of the offending token.
            XCTAssertEqual(error.position, 15)
            XCTAssertEqual(error.statement, sql)
        }
    }

    func testConnectionFailureDoesNotPrintThePassword() throws {
        let url = try TestDatabase.postgresURL()
        // A port nobody listens on, with a password that must not leak into the message.
        XCTAssertThrowsError(
            try PostgresConnection(parameters: ["dbname": url, "port": "1", "password": "s3cret-pw", "connect_timeout": "2"])
        ) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("cannot connect"), text)
            XCTAssertFalse(text.contains("s3cret-pw"), text)
        }
    }
}
