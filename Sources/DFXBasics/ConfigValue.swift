/// A plain data value: what YAML files, `--vars`, `config(...)` and manifest JSON all carry.
///
/// Loaders turn YAML nodes into these once (keeping locations beside them where errors need them);
/// the compiler converts them to template values where a template reads them.
public enum ConfigValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ConfigValue])
    case dict([String: ConfigValue])

    /// The string for `.string`, nil otherwise.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value for `.bool`, nil otherwise.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements of a list; a single string as a one-element list (dbt accepts `tags: x`).
    public var stringList: [String]? {
        switch self {
        case .string(let value): return [value]
        case .list(let values): return values.compactMap(\.scalarText)
        default: return nil
        }
    }

    /// Entries of a dict, nil otherwise.
    public var dictValue: [String: ConfigValue]? {
        if case .dict(let value) = self { return value }
        return nil
    }

    /// Text of a scalar as a user wrote it (`true`, `3`, `1.5`, `abc`); nil for null and collections.
    public var scalarText: String? {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .null, .list, .dict: return nil
        }
    }

    /// Member lookup in a dict; nil for other kinds or a missing key.
    public subscript(key: String) -> ConfigValue? {
        if case .dict(let entries) = self { return entries[key] }
        return nil
    }

    /// A one-word name of the kind, for error messages: "a string", "a list", ...
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .list: return "a list"
        case .dict: return "a mapping"
        }
    }
}
