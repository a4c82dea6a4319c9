import Foundation

/// Freshness results written by workers and read back by the event callback, under a lock.
final class FreshnessCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String: FreshnessResult] = [:]
    private var results: [FreshnessResult] = []

    func stash(_ result: FreshnessResult) {
        lock.lock()
        pending[result.uniqueID] = result
        lock.unlock()
    }

    func take(_ id: String) -> FreshnessResult? {
        lock.lock()
        defer { lock.unlock() }
        return pending.removeValue(forKey: id)
    }

    func append(_ result: FreshnessResult) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var ordered: [FreshnessResult] {
        lock.lock()
        defer { lock.unlock() }
        return results.sorted { $0.index < $1.index }
    }
}
