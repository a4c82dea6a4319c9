/// Compile-time scopes of one function (template body, macro, or caller body): maps names to slots.
final class FunctionScope {
    private var blocks: [[String: Int]] = [[:]]
    private(set) var slotCount = 0
    private(set) var usedSlots: Set<Int> = []
    let parent: FunctionScope?

    init(parent: FunctionScope?) { self.parent = parent }

    func pushBlock() { blocks.append([:]) }

    /// Names declared in the outermost block (a template's top-level `set`s and macros).
    var outermostNames: [String] { Array(blocks[0].keys) }
    func popBlock() { if blocks.count > 1 { blocks.removeLast() } }

    /// A slot for `name` in the innermost block (reused when already declared there).
    func declare(_ name: String) -> Int {
        if let existing = blocks[blocks.count - 1][name] { return existing }
        let slot = slotCount
        slotCount += 1
        blocks[blocks.count - 1][name] = slot
        return slot
    }

    /// A fresh anonymous slot.
    func reserve() -> Int {
        slotCount += 1
        return slotCount - 1
    }

    /// Resolves `name` through this function's blocks, then enclosing functions.
    func resolve(_ name: String) -> NameRef {
        var depth = 0
        var scope: FunctionScope? = self
        while let current = scope {
            for block in current.blocks.reversed() {
                if let slot = block[name] {
                    current.usedSlots.insert(slot)
                    return NameRef(name: name, depth: depth, slot: slot)
                }
            }
            depth += 1
            scope = current.parent
        }
        return NameRef(name: name, depth: 0, slot: -1)
    }
}
