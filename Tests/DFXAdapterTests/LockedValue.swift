import Foundation

/// A value written by one thread and read by another (a test's cancelling thread and its body).
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value? { lock.withLock { stored } }

    func set(_ value: Value) { lock.withLock { stored = value } }

    /// Replaces the value with `transform` of it (nil when unset), atomically.
    func update(_ transform: (Value?) -> Value) { lock.withLock { stored = transform(stored) } }
}
