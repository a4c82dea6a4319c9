import DFXTestSupport
import DFXSQL
import DFXSQLite
import Foundation
import XCTest

final class CancellationRegistryTests: XCTestCase {
    /// Counts its cancel calls.
    final class CountingCanceller: StatementCanceller, @unchecked Sendable {
        private let lock = NSLock()
        private var calls = 0
        var count: Int { lock.withLock { calls } }
        func cancel() -> Bool { lock.withLock { calls += 1 }; return true }
    }

    func testCancelAllReachesRegisteredAndLaterCancellersOnly() {
        let registry = CancellationRegistry()
        let first = CountingCanceller(), second = CountingCanceller(), removed = CountingCanceller(), late = CountingCanceller()
        registry.register(first)
        registry.register(second)
        registry.unregister(registry.register(removed))
        XCTAssertFalse(registry.isCancelled)
        XCTAssertEqual(registry.cancelAll(), 2)
        XCTAssertTrue(registry.isCancelled)
        XCTAssertEqual([first.count, second.count, removed.count], [1, 1, 0])
        registry.whileRegistered(late) { XCTAssertEqual(late.count, 1) }
        XCTAssertEqual(registry.cancelAll(), 2)
    }

    func testASignalCancelsTheRunningPostgresStatement() throws {
        let connection = try TestDatabase.postgres()
        let registry = CancellationRegistry()
        let seen = LockedValue<Bool>()
        let watcher = SignalCancellation(registry: registry, signals: [SIGUSR1]) { _ in seen.set(true) }
        defer { withExtendedLifetime(watcher) {} }
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.5)
            kill(getpid(), SIGUSR1)
        }
        let start = Date()
        XCTAssertThrowsError(try registry.whileRegistered(connection.makeCanceller()) { try connection.execute("select pg_sleep(30)") }) {
            XCTAssertEqual(($0 as? DatabaseError)?.code, "57014", "\($0)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        let deadline = Date().addingTimeInterval(5)
        while seen.value == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(seen.value, true)
        XCTAssertTrue(registry.isCancelled)
    }

    func testASignalInterruptsTheRunningSQLiteStatement() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let registry = CancellationRegistry()
        let watcher = SignalCancellation(registry: registry, signals: [SIGUSR2])
        defer { withExtendedLifetime(watcher) {} }
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            kill(getpid(), SIGUSR2)
        }
        XCTAssertThrowsError(
            try registry.whileRegistered(connection.makeCanceller()) {
                try connection.fetch("with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")
            }
        ) { XCTAssertEqual(($0 as? DatabaseError)?.code, "9", "\($0)") }
    }
}
