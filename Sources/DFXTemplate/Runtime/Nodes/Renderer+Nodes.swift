extension Renderer {
    /// Runs a lowered body.
    @inline(__always)
    func run(_ body: NodeList<StmtNode>, _ frame: Frame) throws {
        try run(body.refs, frame)
    }

    /// Runs a lowered body given as its unretained references.
    @inline(__always)
    func run(_ body: UnsafeBufferPointer<Unmanaged<StmtNode>>, _ frame: Frame) throws {
        for node in body {
            try node._withUnsafeGuaranteedRef { statement in
                if let text = statement.text {
                    out.append(text)
                } else {
                    try statement.execute(self, frame)
                }
            }
        }
    }

    /// Python truthiness of a node's value; strict mode refuses undefined.
    @inline(__always)
    func truthy(_ value: Value, _ node: ExprNode) throws -> Bool {
        if case .undefined = value, undefinedBehavior == .strict { throw undefinedError(node.expr) }
        return value.isTruthy
    }
}
