import DFXBasics

/// Calls to chosen names (`ref`, `source`, `config`) found without rendering.
public struct StaticCallReport: Sendable {
    /// Every call found, in source order.
    public var calls: [StaticCall]
    /// True when some call had a non-literal argument, or a watched name was used other than by
    /// a direct call (so rendering is needed to learn its arguments).
    public var hasNonLiteralCalls: Bool

    /// A report of `calls`.
    public init(calls: [StaticCall] = [], hasNonLiteralCalls: Bool = false) {
        self.calls = calls
        self.hasNonLiteralCalls = hasNonLiteralCalls
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
}
