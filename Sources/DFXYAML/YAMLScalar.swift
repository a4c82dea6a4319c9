/// A scalar as written: its text after YAML unescaping and folding, its style and its tag.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's text (for `'it''s'` this is `it's`).
    public var value: String
    /// How the scalar was written.
    public var style: YAMLScalarStyle
    /// The explicit tag in long form (`!!int` is `tag:yaml.org,2002:int`, a lone `!` is `!`);
    /// nil when the scalar had none. The same value as the owning node's `tag`.
    public var tag: String?

    /// The typed value this scalar means to PyYAML's `SafeLoader` (YAML 1.1 rules).
    ///
    /// Plain untagged scalars are resolved implicitly (`yes` is true, `0x1F` is 31, `1e3` is a
    /// string); quoted and block scalars are strings; explicit standard tags are honoured. A scalar
    /// whose explicit tag cannot be applied (`!!int abc`) is rejected while parsing, so by the time
    /// a scalar reaches this property it always resolves; unknown tags fall back to implicit rules.
    public var resolved: YAMLScalarValue {
        YAMLResolver.resolve(self) ?? .string(value)
    }
}

// In an extension, so that the memberwise `init(value:style:tag:)` remains for the parser: it
// assembles a scalar in place (see YAMLNode's initializers).
extension YAMLScalar {
    /// Creates a scalar.
    public init(_ value: String, style: YAMLScalarStyle = .plain, tag: String? = nil) {
        self.init(value: value, style: style, tag: tag)
    }
}
