import Foundation
import XCTest

/// Two `dfx run` invocations on one target at the same time: each swap waits for the other's
/// (an advisory lock per relation on PostgreSQL, SQLite's single writer), intermediate names never
/// collide, and both succeed with the relations intact.
final class ConcurrentRunTests: XCTestCase {
    func testTwoConcurrentRunsOnOneTarget() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/raw_orders.csv", "id,customer,amount\n1,a,10\n2,b,20\n3,a,30\n")
            try project.write("models/orders.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('raw_orders') }}\n")
            try project.write("models/totals.sql", "select customer, sum(amount) as total from {{ ref('orders') }} group by customer\n")
            try project.write(
                "models/orders_log.sql",
                "{{ config(materialized='incremental', unique_key='id') }}\nselect id, amount from {{ ref('orders') }}\n")
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            for round in 1...3 {
                let outputs = LockedOutputs()
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    let result = project.dfx("run", "--threads", "2")
                    outputs.set(index, result)
                }
                for (index, result) in outputs.all.enumerated() {
                    XCTAssertEqual(result.status, 0, "\(backend) round \(round) run \(index): \(result.output)")
                }
                XCTAssertEqual(try project.count("orders"), 3, "\(backend)")
                XCTAssertEqual(try project.count("orders_log"), 3, "\(backend)")
                XCTAssertEqual(try project.rows("select customer, total from {totals} order by customer"), [["a", "40"], ["b", "20"]], "\(backend)")
            }
            let leftovers = try project.relations(containing: "__dfx_")
            XCTAssertEqual(leftovers.count, 0, "\(backend): intermediate relations left behind: \(leftovers)")
        }
    }
}

/// Results of concurrent runs, by index.
final class LockedOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: (status: Int32, output: String)] = [:]

    func set(_ index: Int, _ result: (status: Int32, output: String)) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    var all: [(status: Int32, output: String)] {
        lock.lock()
        defer { lock.unlock() }
        return results.keys.sorted().compactMap { results[$0] }
    }
}
