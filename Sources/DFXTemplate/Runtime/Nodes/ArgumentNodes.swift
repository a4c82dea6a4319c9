/// The positional and keyword arguments written at a call or filter site (no `*args`/`**kwargs`:
/// calls using those keep the enum path).
struct ArgumentNodes: @unchecked Sendable {
    let positional: [ExprNode]
    let keywordNames: [String]
    let keywordValues: [ExprNode]

    init(_ arguments: CallArguments) {
        positional = arguments.positional.map(Lowering.expression)
        keywordNames = arguments.keyword.map(\.0)
        keywordValues = arguments.keyword.map { Lowering.expression($0.1) }
    }

    /// Evaluates the arguments in order (positional first, then keywords, as written).
    @inline(__always)
    func evaluate(_ renderer: Renderer, _ frame: Frame, extra: Int = 0) throws -> ([Value], [(String, Value)]) {
        var values: [Value] = []
        if !positional.isEmpty {
            values.reserveCapacity(positional.count)
            for node in positional { values.append(try node.evaluate(renderer, frame)) }
        }
        var keyword: [(String, Value)] = []
        if !keywordValues.isEmpty || extra > 0 {
            keyword.reserveCapacity(keywordValues.count + extra)
            for index in keywordValues.indices {
                keyword.append((keywordNames[index], try keywordValues[index].evaluate(renderer, frame)))
            }
        }
        return (values, keyword)
    }
}
