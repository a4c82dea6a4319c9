/// How a scalar was written in the source. Only plain scalars go through implicit type
/// resolution; every other style is a string unless it carries an explicit tag.
public enum YAMLScalarStyle: String, Sendable, Hashable {
    /// `name: orders`
    case plain
    /// `name: 'orders'`
    case singleQuoted
    /// `name: "orders"`
    case doubleQuoted
    /// `sql: |` followed by indented lines.
    case literal
    /// `description: >` followed by indented lines.
    case folded

    /// True for plain scalars, the only style PyYAML resolves implicitly (`yes`, `42`, `~`).
    public var isPlain: Bool { self == .plain }
}
