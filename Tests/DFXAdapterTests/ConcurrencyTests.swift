import DFXTestSupport
import DFXPostgres
import DFXSQL
import DFXSQLite
import Foundation
import XCTest

/// What the parallel scheduler relies on: one connection per worker thread, no shared state between
/// them, and SQLite writers that wait for each other instead of failing.
final class ConcurrencyTests: XCTestCase {
    func testPostgresConnectionsOnParallelThreadsDoNotInterfere() throws {
        let url = try TestDatabase.postgresURL()
        let failures = LockedValue<[String]>()
        let group = DispatchGroup()
        for worker in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let connection = try PostgresConnection(parameters: ["dbname": url])
                    for index in 0..<50 {
                        let text = TrickyText.value(worker * 1000 + index)
                        let rows = try connection.query("select $1::int8 * 2, $2::text", parameters: [.int(Int64(index)), .text(text)]).rows
                        if rows != [[.int(Int64(index * 2)), .text(text)]] { throw DatabaseError(message: "worker \(worker) got \(rows)") }
                    }
                } catch {
                    failures.update { ($0 ?? []) + ["\(error)"] }
                }
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(failures.value ?? [], [])
    }

    func testASecondSQLiteWriterWaitsForTheFirstWithinTheBusyTimeout() throws {
        let path = try TestDatabase.sqlitePath()
        let first = try SQLiteConnection(path: path)
        try first.execute("create table t (id integer)")
        try first.beginTransaction()
        try first.execute("insert into t values (1)")
        let done = LockedValue<String>()
        Thread.detachNewThread {
            do {
                let second = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 5000)
                try second.transaction { try second.execute("insert into t values (2)") }
                done.set("ok")
            } catch {
                done.set("\(error)")
            }
        }
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertNil(done.value, "the second writer must wait for the first transaction")
        try first.commit()
        let deadline = Date().addingTimeInterval(5)
        while done.value == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(done.value, "ok")
        XCTAssertEqual(try first.fetch("select id from t order by id").rows, [[.int(1)], [.int(2)]])
    }

    func testWithoutABusyTimeoutASecondWriterFailsBusy() throws {
        let path = try TestDatabase.sqlitePath()
        let first = try SQLiteConnection(path: path)
        try first.execute("create table t (id integer)")
        try first.beginTransaction()
        let second = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 0)
        XCTAssertThrowsError(try second.beginTransaction()) { error in
            XCTAssertEqual((error as? DatabaseError)?.code, "5", "\(error)")  // SQLITE_BUSY
        }
        try first.rollback()
    }
}
