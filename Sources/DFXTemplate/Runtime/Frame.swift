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

    // Header and elements are read through pointers: `ManagedBuffer.header` as a property would pay
    // a dynamic exclusivity check on every variable access.
    var parent: Frame? { withUnsafeMutablePointerToHeader { $0.pointee.parent } }

    /// The value bound to `slot`, nil when unbound.
    subscript(slot: Int) -> Value? {
        @inline(__always) get {
            withUnsafeMutablePointers { header, elements in slot < header.pointee.count ? elements[slot] : nil }
        }
        @inline(__always) set {
            withUnsafeMutablePointers { header, elements in
                if slot < header.pointee.count { elements[slot] = newValue }
            }
        }
    }

    /// Appends the text of a bound string or int slot to `out` without copying the value out of
    /// the frame; false (nothing appended) for any other value or an unbound slot.
    @inline(__always)
    func appendText(ofSlot slot: Int, to out: inout OutputBuffer) -> Bool {
        withUnsafeMutablePointers { header, elements in
            guard slot < header.pointee.count else { return false }
            switch elements[slot] {
            case .some(.string(let text)):
                out.appendUTF8(text)
                return true
            case .some(.int(let number)):
                out.appendDecimal(number)
                return true
            default:
                return false
            }
        }
    }

    /// `slot.name` (`hash` is the name's `NameKey.hash`) when the slot holds a dict or a host object (`loop`, relations), looked up
    /// without copying the value out of the frame; nil for anything else.
    @inline(__always)
    func attribute(ofSlot slot: Int, _ name: String, hash: UInt64) -> Value?? {
        if let storage = dictionary(inSlot: slot) {
            return .some(storage._withUnsafeGuaranteedRef { $0.get(name, hash: hash) })
        }
        return withUnsafeMutablePointers { header, elements in
            guard slot < header.pointee.count else { return nil }
            switch elements[slot] {
            case .some(.object(let object)): return .some(object.attribute(name))
            default: return nil
            }
        }
    }

    /// Appends the text of `slot.name` when the slot holds a dict whose entry `name` is a string or
    /// an int, without copying anything out of the frame; false (nothing appended) otherwise.
    @inline(__always)
    func appendText(ofSlot slot: Int, attribute name: String, hash: UInt64, to out: inout OutputBuffer) -> Bool {
        guard let storage = dictionary(inSlot: slot) else { return false }
        return storage._withUnsafeGuaranteedRef { $0.appendText(of: name, hash: hash, to: &out) }
    }

    /// The dict bound to `slot`, unretained (nil for any other value or an unbound slot): the
    /// frame keeps it alive while the caller reads it, which must not rebind the slot. Taking the
    /// reference out in a scope that does nothing else lets the compiler drop the retain/release
    /// pair that a pattern match around the whole read costs.
    @inline(__always)
    func dictionary(inSlot slot: Int) -> Unmanaged<DictStorage>? {
        withUnsafeMutablePointers { header, elements in
            guard slot < header.pointee.count, case .some(.dictRef(let storage)) = elements[slot] else { return nil }
            return Unmanaged.passUnretained(storage)
        }
    }

    /// The truthiness of a slot bound to a bool, int, None or string, tested in place; nil for any
    /// other value or an unbound slot.
    @inline(__always)
    func truthiness(ofSlot slot: Int) -> Bool? {
        withUnsafeMutablePointers { header, elements in
            guard slot < header.pointee.count else { return nil }
            switch elements[slot] {
            case .some(.bool(let flag)): return flag
            case .some(.int(let number)): return number != 0
            case .some(.none): return false
            case .some(.string(let text)): return !text.isEmpty
            default: return nil
            }
        }
    }

    /// Unbinds every slot (breaks `frame → macro → frame` cycles once a render is over).
    func clear() {
        withUnsafeMutablePointers { header, elements in
            for slot in 0..<header.pointee.count { elements[slot] = nil }
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
