import Foundation

/// Text written by a command, captured from both streams.
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ chunk: String) {
        lock.lock()
        text += chunk
        lock.unlock()
    }

    var contents: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}
