/// Limits that keep hostile or broken input from exhausting memory or the stack.
public struct YAMLParseOptions: Sendable, Hashable {
    /// The most nodes one document may hold once aliases are expanded ("billion laughs" guard).
    /// Aliases are cheap copies in memory, but every consumer walking the tree pays the full size.
    public var maxNodes: Int
    /// The deepest nesting of sequences and mappings allowed (aliases included).
    public var maxDepth: Int

    /// The defaults: a million nodes and 256 levels, far beyond any real project file.
    public init(maxNodes: Int = 1_000_000, maxDepth: Int = 256) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }
}
