public import DFXBasics

/// One node of a parsed YAML document, with the place it was written.
///
/// Aliases are already resolved: an alias (`*base`) is a copy of the anchored node and keeps the
/// anchored node's own locations, so a problem inside copied content points at where that content
/// was written. Merge keys (`<<`) are already applied to mappings.
public struct YAMLNode: Sendable {
    /// The three shapes of YAML content.
    public enum Kind: Sendable {
        /// A scalar: text with a style and maybe a tag.
        case scalar(YAMLScalar)
        /// A sequence, elements in order.
        case sequence([YAMLNode])
        /// A mapping, entries in order.
        case mapping(YAMLMapping)
    }

    /// The content.
    public var kind: Kind
    /// Where the node starts (for a quoted scalar, its opening quote; for a block scalar, its
    /// `|` or `>` indicator; for a block mapping, its first key).
    public var location: SourceLocation
    /// The explicit tag in long form (`tag:yaml.org,2002:str` for `!!str`), nil when untagged.
    public var tag: String?
    /// How many columns a caret under this node should span (at least 1).
    public var length: Int
    /// The file this node was parsed from, for quoting source lines in diagnostics.
    public var source: YAMLSource?

    /// Creates a node; parsed nodes come from `YAML.parse`.
    public init(
        _ kind: Kind, location: SourceLocation, tag: String? = nil, length: Int = 1,
        source: YAMLSource? = nil
    ) {
        self.kind = kind
        self.location = location
        self.tag = tag
        self.length = max(1, length)
        self.source = source
    }
}
