/// The positional and keyword arguments written at a call or filter site (no `*args`/`**kwargs`:
/// calls using those keep the enum path).
struct ArgumentNodes: @unchecked Sendable {
    let positional: NodeList<ExprNode>
    let keywordNames: [String]
    let keywordValues: NodeList<ExprNode>

    /// The evaluated arguments when every one is a literal, made once.
    let constant: ([Value], [(String, Value)])?

    init(_ arguments: CallArguments) {
        positional = Lowering.expressions(arguments.positional)
        keywordNames = arguments.keyword.map(\.0)
        keywordValues = Lowering.expressions(arguments.keyword.map(\.1))
        let literals = (positional.nodes + keywordValues.nodes).compactMap { ($0 as? LiteralNode)?.value }
        if literals.count == positional.count + keywordValues.count {
            constant = (Array(literals.prefix(positional.count)), Array(zip(keywordNames, literals.dropFirst(positional.count))))
        } else {
            constant = nil
        }
    }

    /// Evaluates the arguments in order (positional first, then keywords, as written).
    @inline(__always)
    func evaluate(_ renderer: Renderer, _ frame: Frame, extra: Int = 0) throws -> ([Value], [(String, Value)]) {
        if let constant { return constant }
        var values: [Value] = []
        if !positional.isEmpty {
            values.reserveCapacity(positional.count)
            for node in positional.refs { values.append(try node._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }) }
        }
        var keyword: [(String, Value)] = []
        if !keywordValues.isEmpty || extra > 0 {
            keyword.reserveCapacity(keywordValues.count + extra)
            for index in keywordValues.refs.indices {
                let value = try keywordValues.refs[index]._withUnsafeGuaranteedRef { try $0.evaluate(renderer, frame) }
                keyword.append((keywordNames[index], value))
            }
        }
        return (values, keyword)
    }
}
