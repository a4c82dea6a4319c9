import DFXBasics
import Foundation

/// An artifact written in numbered parts that arrive in any order from several threads, appended
/// to the file in part order: `dfx compile` hands each batch of nodes' manifest JSON over as soon
/// as the batch is rendered, and only the batches waiting for an earlier one are held in memory.
///
/// The file appears whole (temporary file, then rename, on `finish`) or not at all (`abandon`).
///
/// No thread waits for another's write: the lock guards only the queue of parts. The thread that
/// finds the next part ready becomes the writer and writes, outside the lock, every part that is
/// ready in order; parts delivered meanwhile are queued and left to it. (Writing under the lock made
/// the other worker wait for each 64-node batch's write, about 0.4 MB that costs up to a millisecond
/// when the page cache must take fresh pages, instead of rendering the next batch.)
final class OrderedArtifactFile: @unchecked Sendable {
    private let path: String
    private let temporary: String
    private let descriptor: Int32
    private let lock = NSLock()
    private var waiting: [Int: [UInt8]] = [:]
    private var nextPart = 0
    /// Whether a thread is writing parts outside the lock (it also writes any part that becomes
    /// ready before it is done).
    private var writing = false
    private var failed = false
    private let partSeparator: [UInt8]
    private var wrotePart = false
    /// Bytes written so far, and how many of them have been handed to the kernel's writeback.
    private var written = 0
    private var flushed = 0

    /// Opens a temporary file next to `path`; `partSeparator` goes between non-empty parts (a comma
    /// between the members of one JSON object).
    init(path: String, partSeparator: [UInt8]) throws(DiagnosticError) {
        self.path = path
        self.partSeparator = partSeparator
        temporary = ArtifactWriter.temporaryPath(for: path)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticError(Diagnostic(.error, "cannot write \(path)", hint: "check that the target folder is writable"))
        }
    }

    /// Writes bytes that come before every numbered part (or after all of them, once every `deliver`
    /// call has returned).
    func write(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        append(bytes)
    }

    /// Part `number` (numbered from 0): written now if every earlier part has been, else kept until
    /// they have.
    func deliver(_ number: Int, _ bytes: [UInt8]) {
        lock.lock()
        waiting[number] = bytes
        guard !writing else {
            lock.unlock()
            return
        }
        writing = true
        while true {
            var ready: [[UInt8]] = []
            while let part = waiting.removeValue(forKey: nextPart) {
                if !part.isEmpty { ready.append(part) }
                nextPart += 1
            }
            guard !ready.isEmpty else { break }
            lock.unlock()
            for part in ready {
                if wrotePart { append(partSeparator) }
                append(part)
                wrotePart = true
            }
            lock.lock()
        }
        writing = false
        lock.unlock()
    }

    /// Closes the file and gives it its name; an error if any write failed.
    func finish() throws(DiagnosticError) {
        close(descriptor)
        guard !failed, waiting.isEmpty, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DiagnosticError(Diagnostic(.error, "cannot write \(path)", hint: "check that the target folder is writable and not full"))
        }
    }

    /// Closes and removes the temporary file: the previous artifact, if any, stays as it was.
    func abandon() {
        close(descriptor)
        unlink(temporary)
    }

    private func append(_ bytes: [UInt8]) {
        guard !failed, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 {
                    failed = true
                    return
                }
                offset += written
            }
        }
        written += bytes.count
        if written - flushed >= Self.writebackChunk { startWriteback() }
    }

    /// How much written data is handed to writeback at a time (`startWriteback`).
    static let writebackChunk = 8 << 20

    /// Starts the kernel writing the bytes written since the last call to disk, without waiting.
    ///
    /// Replacing a file by `rename` makes ext4 start writeback of the whole new file at once (its
    /// `auto_da_alloc` guard against empty files after a crash): 60 ms for a 112 MB manifest, in the
    /// compile's last, single-threaded step. Started chunk by chunk while nodes still render, the
    /// same work overlaps with them. `POSIX_FADV_DONTNEED` starts writeback of dirty pages (it
    /// cannot drop them before they are written, so the data stays cached).
    private func startWriteback() {
        #if os(Linux)
        _ = posix_fadvise(descriptor, off_t(flushed), off_t(written - flushed), POSIX_FADV_DONTNEED)
        #endif
        flushed = written
    }
}
