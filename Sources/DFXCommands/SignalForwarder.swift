import DFXSQL
import Foundation

/// Routes Ctrl-C and SIGTERM to the runs in progress: their registries cancel running statements
/// on the server and their flags record the interrupt. With no run in progress a signal ends the
/// process with status 130, as the default action would.
///
/// One watcher is installed for the whole process and never removed: signal sources cannot be
/// created again reliably after one for the same signal was cancelled (Linux libdispatch), so
/// installing one per command broke the second command run in the same process.
final class SignalForwarder: @unchecked Sendable {
    static let shared = SignalForwarder()

    private let lock = NSLock()
    private var active: [Int: (CancellationRegistry, InterruptFlag)] = [:]
    private var nextToken = 0
    private var watcher: SignalCancellation?

    /// Runs `body` with signals forwarded to `registry` and `flag`.
    func forwarding<Result>(to registry: CancellationRegistry, flag: InterruptFlag, _ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        if watcher == nil {
            watcher = SignalCancellation(registry: CancellationRegistry()) { [self] _ in self.deliver() }
        }
        let token = nextToken
        nextToken += 1
        active[token] = (registry, flag)
        lock.unlock()
        defer {
            lock.lock()
            active[token] = nil
            lock.unlock()
        }
        return try body()
    }

    private func deliver() {
        lock.lock()
        let targets = Array(active.values)
        lock.unlock()
        if targets.isEmpty { exit(ExitStatus.interrupted.rawValue) }
        for (registry, flag) in targets {
            flag.set()
            _ = registry.cancelAll()
        }
    }
}
