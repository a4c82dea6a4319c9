import Foundation

/// Text written by a command (both streams, any thread), for tests that run dfx in-process.
public final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""

    public init() {}

    public func append(_ chunk: String) {
        lock.lock()
        storage += chunk
        lock.unlock()
    }

    /// Everything appended so far.
    public var contents: String {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    /// The same as `contents`.
    public var text: String { contents }
}
