/// What a node is, in the words error messages use ("must be a list, found a mapping").
public enum YAMLValueKind: String, Sendable, Hashable, CustomStringConvertible {
    case null, bool, int, double, string, sequence, mapping

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
