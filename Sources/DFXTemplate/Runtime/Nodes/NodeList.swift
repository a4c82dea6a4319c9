/// A list of nodes that the renderer walks without retaining anything: `refs` is memory of
/// unretained references (a trivial value, so reading it from a node costs no retain either),
/// kept valid by `owner`, which holds the nodes and frees that memory when the list goes away.
struct NodeList<Node: AnyObject>: @unchecked Sendable {
    let refs: UnsafeBufferPointer<Unmanaged<Node>>
    let owner: NodeListOwner<Node>

    init(_ nodes: [Node]) {
        owner = NodeListOwner(nodes)
        refs = UnsafeBufferPointer(owner.refs)
    }

    /// The nodes (for the rare paths: errors, compile-time checks).
    var nodes: [Node] { owner.nodes }
    var isEmpty: Bool { refs.isEmpty }
    var count: Int { refs.count }
}
