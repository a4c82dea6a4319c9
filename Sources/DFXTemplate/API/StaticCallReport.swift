import DFXBasics

/// Calls to chosen names (`ref`, `source`, `config`) found without rendering.
public struct StaticCallReport: Sendable {
    /// Every call found, in source order.
    public var calls: [StaticCall]
    /// True when some call had a non-literal argument, or a watched name was used other than by
    /// a direct call (so rendering is needed to learn its arguments).
    public var hasNonLiteralCalls: Bool
    /// The watched names behind `hasNonLiteralCalls`: called with a non-literal argument, or used
    /// other than by a direct call.
    public var nonLiteralNames: Set<String>

    /// A report of `calls`.
    public init(calls: [StaticCall] = [], hasNonLiteralCalls: Bool = false, nonLiteralNames: Set<String> = []) {
        self.calls = calls
        self.hasNonLiteralCalls = hasNonLiteralCalls
        self.nonLiteralNames = nonLiteralNames
    }
}

/// One call found by `Template.staticCalls(to:)`.
public struct StaticCall: Sendable {
    /// The called name (`ref`, `source` ...).
    public var name: String
    /// Positional arguments; nil where the argument is not a literal.
    public var arguments: [Value?]
    /// Keyword arguments; nil values where not a literal.
    public var keywordArguments: [(String, Value?)]
    /// Where the call starts.
    public var location: SourceLocation
    /// True when the call might not run on every render: it sits in an `if`/`elif`/`else` branch,
    /// a loop body, a macro or call block, a conditional expression, or the right side of
    /// `and`/`or`.
    public var isConditional: Bool = false
}
