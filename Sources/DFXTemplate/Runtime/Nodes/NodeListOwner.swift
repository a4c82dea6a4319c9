/// Keeps a `NodeList`'s nodes alive and owns its buffer of unretained references.
final class NodeListOwner<Node: AnyObject>: @unchecked Sendable {
    let nodes: [Node]
    let refs: UnsafeMutableBufferPointer<Unmanaged<Node>>

    init(_ nodes: [Node]) {
        self.nodes = nodes
        refs = UnsafeMutableBufferPointer.allocate(capacity: nodes.count)
        _ = refs.initialize(from: nodes.lazy.map { Unmanaged.passUnretained($0) })
    }

    deinit { refs.deallocate() }
}
