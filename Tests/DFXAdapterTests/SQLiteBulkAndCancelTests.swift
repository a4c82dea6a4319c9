import DFXTestSupport
import DFXSQL
import DFXSQLite
import Foundation
import XCTest

final class SQLiteBulkAndCancelTests: XCTestCase {
    func testHundredThousandRowsInOneTransactionWithOnePreparedStatement() throws {
        let path = try TestDatabase.sqlitePath()
        let connection = try SQLiteConnection(path: path)
        try connection.execute(#"create table "raw.bulk" (id integer, label text, note text)"#)
        let count = 100_000
        let rows = (0..<count).lazy.map { index -> [SQLValue] in
            [.int(Int64(index)), .text(TrickyText.value(index)), index % 7 == 0 ? .null : .text("")]
        }
        let start = Date()
        XCTAssertEqual(try connection.insertRows(#"insert into "raw.bulk" values (?, ?, ?)"#, rows: rows), count)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        XCTAssertFalse(connection.isInTransaction)
        // Another connection sees every row: the transaction committed.
        let reader = try SQLiteConnection(path: path)
        let back = try reader.fetch(#"select id, label, note from "raw.bulk" order by id"#)
        XCTAssertEqual(back.rows.count, count)
        XCTAssertEqual(back.rows.first, [.int(0), .text(TrickyText.value(0)), .null])
        XCTAssertEqual(back.rows.indices.filter { back.rows[$0] != Array(rows[$0]) }, [])
    }

    func testAFailingRowRollsBackTheWholeBulkInsert() throws {
        let connection = try SQLiteConnection(path: try TestDatabase.sqlitePath())
        try connection.execute("create table t (id integer primary key)")
        XCTAssertThrowsError(try connection.insertRows("insert into t values (?)", rows: [[.int(1)], [.int(2)], [.int(2)]]))
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try connection.fetch("select count(*) from t").rows, [[.int(0)]])
    }

    func testAPreparedStatementIsReusedWithNewParameters() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let statement = try connection.prepare("select ? * 2 as doubled")
        XCTAssertEqual(try statement.query([.int(2)]).rows, [[.int(4)]])
        XCTAssertEqual(try statement.query([.double(1.5)]).rows, [[.double(3)]])
        XCTAssertEqual(try statement.query([.int(5)]).columnNames, ["doubled"])
        XCTAssertThrowsError(try statement.query([]))
    }

    func testInterruptStopsALongQueryFromAnotherThread() throws {
        let connection = try SQLiteConnection(path: try TestDatabase.sqlitePath())
        let canceller = connection.makeCanceller()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            canceller.cancel()
        }
        let start = Date()
        XCTAssertThrowsError(
            try connection.fetch("with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")
        ) { error in
            XCTAssertEqual((error as? DatabaseError)?.code, "9", "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(try connection.fetch("select 1").rows, [[.int(1)]])
    }

    func testStatementTimeoutInterruptsALongQuery() throws {
        let connection = try SQLiteConnection(path: try TestDatabase.sqlitePath())
        let endless = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
        try ConnectionConformance.statementTimeoutStopsLongStatements(connection, longStatement: endless)
        // Nested limits: the inner one applies inside, the outer one again afterwards.
        try connection.withStatementTimeout(milliseconds: 60_000) {
            XCTAssertThrowsError(try connection.withStatementTimeout(milliseconds: 100) { try connection.execute(endless) })
            let start = ContinuousClock.now
            XCTAssertThrowsError(try connection.withStatementTimeout(milliseconds: 300) { try connection.execute(endless) }) { error in
                XCTAssertEqual((error as? DatabaseError)?.code, "9")
            }
            XCTAssertLessThan(ContinuousClock.now - start, .seconds(3))
        }
    }

    func testACancellerOutlivesItsConnection() throws {
        var connection: SQLiteConnection? = try SQLiteConnection(path: ":memory:")
        let canceller = connection?.makeCanceller()
        connection = nil
        XCTAssertEqual(canceller?.cancel(), true)
    }

    func testNestedTransactionsUseSavepoints() throws {
        try ConnectionConformance.nestedTransactionsUseSavepoints(try SQLiteConnection(path: try TestDatabase.sqlitePath()), table: "raw.nested")
    }

    func testLoadRowsInsertsAllOrNothing() throws {
        try ConnectionConformance.loadRowsLoadsAllOrNothing(try SQLiteConnection(path: try TestDatabase.sqlitePath()), table: "raw.load")
    }

    func testRollbackLeavesDataIntact() throws {
        let connection = try SQLiteConnection(path: try TestDatabase.sqlitePath())
        try ConnectionConformance.transactionsRollBackAndCommit(connection, table: "main.tx")
    }
}
