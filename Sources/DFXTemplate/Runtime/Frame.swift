/// The variable slots of one running function (template body, macro call, caller body), in a
/// single allocation. Frames live within one render on one thread.
final class Frame: ManagedBuffer<Frame.Header, Value?> {
    struct Header {
        let parent: Frame?
        let count: Int
    }

    /// A frame of `slotCount` unbound slots whose enclosing frame is `parent`.
    static func make(slotCount: Int, parent: Frame?) -> Frame {
        let buffer = Frame.create(minimumCapacity: slotCount) { _ in Header(parent: parent, count: slotCount) }
        let frame = unsafeDowncast(buffer, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { $0.initialize(repeating: nil, count: slotCount) }
        return frame
    }

    deinit {
        _ = withUnsafeMutablePointers { header, elements in elements.deinitialize(count: header.pointee.count) }
    }

    var parent: Frame? { header.parent }

    /// The value bound to `slot`, nil when unbound.
    subscript(slot: Int) -> Value? {
        @inline(__always) get {
            guard slot < header.count else { return nil }
            return withUnsafeMutablePointerToElements { $0[slot] }
        }
        @inline(__always) set {
            guard slot < header.count else { return }
            withUnsafeMutablePointerToElements { $0[slot] = newValue }
        }
    }

    @inline(__always)
    func frame(atDepth depth: Int) -> Frame? {
        var frame: Frame? = self
        var remaining = depth
        while remaining > 0 {
            frame = frame?.parent
            remaining -= 1
        }
        return frame
    }
}
