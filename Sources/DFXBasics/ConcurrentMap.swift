import Dispatch

extension RandomAccessCollection where Index == Int {
    /// `map` over all cores, results in order. For CPU-bound work on many independent items
    /// (compiling thousands of templates, parsing thousands of YAML files); `transform` must be
    /// safe to call from several threads at once.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] where Element: Sendable, Self: Sendable {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let slots = ConcurrentSlots<T>(count: count)
        let workers = Swift.max(1, Swift.min(count, System.processorCount * 4))
        let chunk = (count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk
            let end = Swift.min(start + chunk, count)
            guard start < end else { return }
            for offset in start..<end {
                slots.store(transform(self[self.startIndex + offset]), at: offset)
            }
        }
        return slots.values()
    }
}

/// Write-once result slots filled by concurrent workers, each slot by exactly one worker.
private final class ConcurrentSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T>

    init(count: Int) { buffer = .allocate(capacity: count) }

    /// Every slot must have been stored before the slots are released.
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: T, at index: Int) { buffer.initializeElement(at: index, to: value) }

    /// The results in order; called after every worker has finished.
    func values() -> [T] { Array(buffer) }
}

/// Facts about the machine.
public enum System {
    /// Online processors (at least 1).
    public static var processorCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
