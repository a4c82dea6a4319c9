/// What a node is, in the words error messages use ("must be a list, found a mapping").
public enum YAMLValueKind: String, Sendable, Hashable, CustomStringConvertible {
    /// A null scalar.
    case null
    /// A boolean scalar.
    case bool
    /// An integer scalar.
    case int
    /// A floating-point scalar.
    case double
    /// A string scalar.
    case string
    /// A sequence (a list).
    case sequence
    /// A mapping.
    case mapping

    /// The phrase for messages: "null", "a boolean", "a number", "a string", "a list", "a mapping".
    public var phrase: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// Same as `phrase`.
    public var description: String { phrase }
}
