/// The variable slots of one running function (template body, macro call, caller body).
/// Frames live within one render on one thread.
final class Frame {
    @exclusivity(unchecked) var slots: ContiguousArray<Value?>
    let parent: Frame?

    init(slotCount: Int, parent: Frame?) {
        self.slots = ContiguousArray(repeating: nil, count: slotCount)
        self.parent = parent
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
