import Foundation

/// A `SelectionIndex` built on first use and shared by the copies of a `NodeSelector`.
///
/// Most invocations select everything (`dfx compile`, `dfx run` without `--select`), and no method
/// then reads the index: building it for 20,000 nodes (fqn segments, path components, file names)
/// took longer than the rest of selection.
final class LazySelectionIndex: @unchecked Sendable {
    private let nodes: [GraphNode]
    private let lock = NSLock()
    private var built: SelectionIndex?

    init(_ nodes: [GraphNode]) { self.nodes = nodes }

    /// The index, built by the first caller (others wait for it).
    var index: SelectionIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = SelectionIndex(nodes)
        built = index
        return index
    }
}
