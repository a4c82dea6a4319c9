/// A list of nodes that the renderer walks without retaining each one: `nodes` keeps them alive
/// for as long as the list exists, `refs` are the same references, unretained.
struct NodeList<Node: AnyObject>: @unchecked Sendable {
    let nodes: [Node]
    let refs: [Unmanaged<Node>]

    init(_ nodes: [Node]) {
        self.nodes = nodes
        self.refs = nodes.map { Unmanaged.passUnretained($0) }
    }

    var isEmpty: Bool { nodes.isEmpty }
    var count: Int { nodes.count }
}
