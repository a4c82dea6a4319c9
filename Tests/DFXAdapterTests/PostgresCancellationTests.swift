import DFXTestSupport
import DFXPostgres
import DFXSQL
import Foundation
import XCTest

final class PostgresCancellationTests: XCTestCase {
    func testCancelFromAnotherThreadStopsTheStatement() throws {
        let connection = try TestDatabase.postgres()
        let canceller = connection.makeCanceller()
        let sent = LockedValue<Bool>()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.5)
            sent.set(canceller.cancel())
        }
        let start = Date()
        XCTAssertThrowsError(try connection.execute("select pg_sleep(30)")) { error in
            XCTAssertEqual((error as? DatabaseError)?.code, "57014", "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        // The server may end the statement before PQcancel returns on the other thread.
        let deadline = Date().addingTimeInterval(5)
        while sent.value == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(sent.value, true)
        XCTAssertEqual(try connection.fetch("select 1").rows, [[.int(1)]])
    }

    func testCancellingWhenIdleDoesNotHurtLaterStatements() throws {
        let connection = try TestDatabase.postgres()
        connection.canceller.cancel()
        XCTAssertEqual(try connection.fetch("select 1").rows, [[.int(1)]])
    }

    func testStatementTimeoutConformance() throws {
        try ConnectionConformance.statementTimeoutStopsLongStatements(try TestDatabase.postgres(), longStatement: "select pg_sleep(10)")
    }

    func testStatementTimeoutAppliesToTheTransactionOnly() throws {
        let connection = try TestDatabase.postgres()
        let start = Date()
        XCTAssertThrowsError(try connection.withStatementTimeout(milliseconds: 200) { try connection.execute("select pg_sleep(5)") }) { error in
            XCTAssertEqual((error as? DatabaseError)?.code, "57014", "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 4)
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try connection.fetch("show statement_timeout").rows, [[.text("0")]])
        // Inside an open transaction the previous value comes back afterwards.
        try connection.beginTransaction()
        try connection.execute("set local statement_timeout = 7000")
        try connection.withStatementTimeout(milliseconds: 1000) {
            XCTAssertEqual(try connection.fetch("show statement_timeout").rows, [[.text("1s")]])
        }
        XCTAssertEqual(try connection.fetch("show statement_timeout").rows, [[.text("7s")]])
        try connection.rollback()
        XCTAssertThrowsError(try connection.setLocalStatementTimeout(milliseconds: 5))
    }
}
