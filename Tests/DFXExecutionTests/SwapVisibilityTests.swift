import DFXSQL
import Foundation
import XCTest

/// A reader querying a model's relation while dfx replaces it, over and over, never finds it
/// missing or empty: the swap renames inside one transaction.
final class SwapVisibilityTests: XCTestCase {
    func testAConcurrentReaderNeverSeesAMissingRelation() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("models/numbers.sql", "{{ config(materialized='table') }}\nselect 1 as n union all select 2 union all select 3\n")
            try project.write("models/numbers_view.sql", "select n from {{ ref('numbers') }}\n")
            XCTAssertEqual(project.dfx("run", "--no-audit-log").status, 0, "\(backend)")
            let reader = try ConcurrentReader(
                connection: project.openConnection(),
                sql: ["select count(*) from " + project.relation("numbers"), "select count(*) from " + project.relation("numbers_view")])
            reader.start()
            for attempt in 1...6 {
                let result = project.dfx("run", "--no-audit-log")
                XCTAssertEqual(result.status, 0, "\(backend) run \(attempt): \(result.output)")
            }
            let (reads, failures) = reader.stop()
            XCTAssertGreaterThan(reads, 0, "\(backend): the reader never ran")
            XCTAssertEqual(failures, [], "\(backend): a reader saw the relation missing or wrong after \(reads) reads")
        }
    }
}

/// Runs queries in a loop on its own thread and connection, collecting anything but a count of 3.
final class ConcurrentReader: @unchecked Sendable {
    private let connection: any WarehouseConnection
    private let sql: [String]
    private let lock = NSLock()
    private var running = true
    private var reads = 0
    private var failures: [String] = []
    private let done = DispatchSemaphore(value: 0)

    init(connection: any WarehouseConnection, sql: [String]) {
        self.connection = connection
        self.sql = sql
    }

    func start() {
        Thread.detachNewThread { [self] in
            while isRunning {
                for query in sql {
                    do {
                        let rows = try connection.fetch(query).textRows
                        record(rows == [["3"]] ? nil : "\(query): \(rows)")
                    } catch {
                        record("\(query): \(error)")
                    }
                }
            }
            done.signal()
        }
    }

    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    func record(_ failure: String?) {
        lock.lock()
        reads += 1
        if let failure { failures.append(failure) }
        lock.unlock()
    }

    /// Stops the loop and returns the reads done and the failures seen.
    func stop() -> (Int, [String]) {
        lock.lock()
        running = false
        lock.unlock()
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return (reads, failures)
    }
}
