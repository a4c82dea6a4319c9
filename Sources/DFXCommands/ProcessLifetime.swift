import Foundation

/// Values kept alive until the process exits. Freeing a large project's millions of small objects
/// just before `exit` costs a tenth of a second at 10,000 models for nothing; the executable opts
/// in (`DFXCLI.run(_:keepValuesUntilExit:)`), in-process callers such as tests do not.
enum ProcessLifetime {
    private final class Box: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var enabled = false
    nonisolated(unsafe) private static var kept: [Box] = []

    static func enable() {
        lock.lock()
        enabled = true
        lock.unlock()
    }

    /// Keeps `value` until exit when enabled; otherwise does nothing (it is freed as usual).
    static func keep(_ value: Any) {
        lock.lock()
        defer { lock.unlock() }
        if enabled { kept.append(Box(value)) }
    }
}
