import Foundation

/// Results written by workers and read back by the event callback, under a lock.
final class ResultCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String: NodeResult] = [:]
    private var results: [NodeResult] = []

    func stash(_ result: NodeResult) {
        lock.lock()
        pending[result.uniqueID] = result
        lock.unlock()
    }

    func take(_ id: String) -> NodeResult? {
        lock.lock()
        defer { lock.unlock() }
        return pending.removeValue(forKey: id)
    }

    func append(_ result: NodeResult) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var ordered: [NodeResult] {
        lock.lock()
        defer { lock.unlock() }
        return results.sorted { $0.index < $1.index }
    }
}
