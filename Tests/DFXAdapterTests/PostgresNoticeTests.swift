import DFXTestSupport
import DFXPostgres
import DFXSQL
import XCTest

final class PostgresNoticeTests: XCTestCase {
    func testNoticesAndWarningsReachTheHandler() throws {
        let connection = try TestDatabase.postgres()
        var notices: [DatabaseNotice] = []
        connection.onNotice = { notices.append($0) }
        try connection.execute("do $$ begin raise notice 'hello %', 'wörld'; raise warning 'careful' using hint = 'look'; end $$")
        try connection.execute("drop table if exists dfx_no_such_table_for_notices")
        XCTAssertEqual(notices.count, 3, "\(notices)")
        XCTAssertEqual(notices.first, DatabaseNotice(severity: "NOTICE", code: "00000", message: "hello wörld"))
        XCTAssertEqual(notices.dropFirst().first, DatabaseNotice(severity: "WARNING", code: "01000", message: "careful", hint: "look"))
        XCTAssertEqual(notices.last?.message, #"table "dfx_no_such_table_for_notices" does not exist, skipping"#)
        connection.onNotice = nil
        try connection.execute("do $$ begin raise notice 'dropped'; end $$")
        XCTAssertEqual(notices.count, 3)
    }
}
