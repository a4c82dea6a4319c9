import DFXBasics

/// The arguments of a call to a native function or macro.
public struct Arguments: Sendable {
    /// Positional arguments, in order.
    public var positional: [Value]
    /// Keyword arguments, in call order.
    public var keyword: [(String, Value)]
    /// Where the call is written.
    public var location: SourceLocation

    /// Arguments for a call written at `location`.
    public init(positional: [Value] = [], keyword: [(String, Value)] = [], location: SourceLocation) {
        self.positional = positional
        self.keyword = keyword
        self.location = location
    }

    /// The argument at positional `index`, else the keyword argument `named`, else nil.
    public func value(at index: Int, named: String) -> Value? {
        if index >= 0, index < positional.count { return positional[index] }
        return keyword.first { $0.0 == named }?.1
    }

    /// The keyword argument `name`, or nil.
    public func keyword(_ name: String) -> Value? {
        keyword.first { $0.0 == name }?.1
    }
}
