/// The typed meaning of a scalar, as PyYAML's `SafeLoader` would construct it.
///
/// Timestamps (`2024-01-01`) are kept as `.string` with their source text; PyYAML would build a
/// `date`, whose Jinja rendering is the same text for plain dates.
public enum YAMLScalarValue: Sendable, Hashable, CustomStringConvertible {
    /// `null`, `~`, `Null`, `NULL` or nothing at all.
    case null
    /// `true/false/yes/no/on/off` in lower, Capitalised or UPPER case.
    case bool(Bool)
    /// Decimal, `0x` hex, `0b` binary, leading-`0` octal and `1:30` sexagesimal integers.
    case int(Int)
    /// Numbers with a dot (`1.5`, `1.0e+3`), `.inf`, `-.inf`, `.nan`; also integers too large
    /// for `Int`, approximated.
    case double(Double)
    /// Everything else.
    case string(String)

    /// The kind, for messages such as "found a number".
    public var kind: YAMLValueKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .double: .double
        case .string: .string
        }
    }

    /// A JSON-like rendering: `null`, `true`, `42`, `1.5`, `"text"`.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number):
            number.isNaN ? ".nan" : number == .infinity ? ".inf" : number == -.infinity ? "-.inf" : String(number)
        case .string(let text): YAMLNode.quoted(text)
        }
    }
}
