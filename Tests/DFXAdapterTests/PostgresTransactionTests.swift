import DFXTestSupport
import DFXPostgres
import DFXSQL
import XCTest

final class PostgresTransactionTests: XCTestCase {
    func testRollbackLeavesDataIntact() throws {
        let connection = try TestDatabase.postgres()
        try ConnectionConformance.transactionsRollBackAndCommit(connection, table: TestDatabase.uniqueName("tx"))
    }

    func testNestedTransactionsUseSavepoints() throws {
        try ConnectionConformance.nestedTransactionsUseSavepoints(try TestDatabase.postgres(), table: TestDatabase.uniqueName("nested"))
    }

    func testLoadRowsCopiesAllOrNothing() throws {
        try ConnectionConformance.loadRowsLoadsAllOrNothing(try TestDatabase.postgres(), table: TestDatabase.uniqueName("load"))
    }

    func testAFailedStatementLeavesTheTransactionAwaitingRollback() throws {
        let connection = try TestDatabase.postgres()
        try connection.beginTransaction()
        XCTAssertThrowsError(try connection.execute("select 1 / 0"))
        XCTAssertTrue(connection.isInTransaction)
        XCTAssertThrowsError(try connection.execute("select 1")) { XCTAssertEqual(($0 as? DatabaseError)?.code, "25P02") }
        try connection.rollback()
        XCTAssertFalse(connection.isInTransaction)
        try connection.rollback()
    }
}
