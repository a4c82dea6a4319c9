#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cancellers of the statements running now, so that one call stops them all (Ctrl-C,
/// SIGTERM, `--fail-fast`).
///
/// Workers register their connection's canceller while they run a node and unregister it after;
/// `cancelAll()` cancels every registered one and marks the registry cancelled, so that a canceller
/// registered later is cancelled at once and workers can see `isCancelled` before starting more
/// work. Safe to use from any thread.
public final class CancellationRegistry: @unchecked Sendable {
    // Every access to the stored state below happens with `mutex` locked.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var cancellers: [Int: any StatementCanceller] = [:]
    private var nextToken = 0
    private var cancelled = false

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Whether `cancelAll()` was called.
    public var isCancelled: Bool { locked { cancelled } }

    /// Adds `canceller` and returns the token to remove it with. When the registry is already
    /// cancelled, the canceller is cancelled right away (and still registered).
    @discardableResult
    public func register(_ canceller: any StatementCanceller) -> Int {
        let (token, cancelNow) = locked { () -> (Int, Bool) in
            nextToken += 1
            cancellers[nextToken] = canceller
            return (nextToken, cancelled)
        }
        if cancelNow { canceller.cancel() }
        return token
    }

    /// Removes the canceller registered under `token` (unknown tokens are ignored).
    public func unregister(_ token: Int) {
        locked { _ = cancellers.removeValue(forKey: token) }
    }

    /// Runs `body` with `canceller` registered, and unregisters it afterwards.
    public func whileRegistered<Result>(_ canceller: any StatementCanceller, _ body: () throws -> Result) rethrows -> Result {
        let token = register(canceller)
        defer { unregister(token) }
        return try body()
    }

    /// Marks the registry cancelled and cancels every registered canceller; returns how many
    /// cancel requests were sent successfully.
    @discardableResult
    public func cancelAll() -> Int {
        let current = locked { () -> [any StatementCanceller] in
            cancelled = true
            return Array(cancellers.values)
        }
        return current.reduce(0) { count, canceller in canceller.cancel() ? count + 1 : count }
    }
}
