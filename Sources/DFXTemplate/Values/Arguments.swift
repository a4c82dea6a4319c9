import DFXBasics

/// The arguments of a call to a native function or macro.
public struct Arguments: Sendable {
    /// Positional arguments, in order.
    public var positional: [Value]
    /// Keyword arguments, in call order.
    public var keyword: [(String, Value)]
    /// Where the call is written. A call made by a template computes its line and column when this
    /// is read (most natives never read it).
    public var location: SourceLocation {
        get {
            switch site {
            case .resolved(let location): return location
            case .offset(let file, let offset): return file.location(offset)
            }
        }
        set { site = .resolved(newValue) }
    }

    private enum Site: Sendable {
        case resolved(SourceLocation)
        case offset(SourceFile, Int)
    }

    private var site: Site

    /// Arguments for a call written at `location`.
    public init(positional: [Value] = [], keyword: [(String, Value)] = [], location: SourceLocation) {
        self.positional = positional
        self.keyword = keyword
        self.site = .resolved(location)
    }

    /// Arguments for a call written at byte `offset` of `file`.
    init(positional: [Value], keyword: [(String, Value)], file: SourceFile, offset: Int) {
        self.positional = positional
        self.keyword = keyword
        self.site = .offset(file, offset)
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
