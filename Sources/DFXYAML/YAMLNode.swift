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
    /// The explicit tag in long form (`tag:yaml.org,2002:str` for `!!str`), nil when untagged.
    public var tag: String?
    /// How many columns a caret under this node should span (at least 1).
    public var length: Int
    /// The file this node was parsed from, for quoting source lines in diagnostics.
    public var source: YAMLSource?
    // The location is kept as numbers, its file as `source`'s: a copy of a node (decoders copy
    // them often) then retains two objects, not three, and a node is 16 bytes smaller.
    private var line: Int32
    private var column: Int32
    /// The location's file when it is not `source`'s (nodes made by hand).
    private var otherFile: String?

    /// Where the node starts (for a quoted scalar, its opening quote; for a block scalar, its
    /// `|` or `>` indicator; for a block mapping, its first key).
    public var location: SourceLocation {
        get { SourceLocation(file: otherFile ?? source?.file ?? "", line: Int(line), column: Int(column)) }
        set {
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
            otherFile = newValue.file == source?.file ? nil : newValue.file
        }
    }

    /// Creates a node; parsed nodes come from `YAML.parse`.
    public init(
        _ kind: Kind, location: SourceLocation, tag: String? = nil, length: Int = 1,
        source: YAMLSource? = nil
    ) {
        self.kind = kind
        self.tag = tag
        self.length = max(1, length)
        self.source = source
        self.line = Int32(clamping: location.line)
        self.column = Int32(clamping: location.column)
        self.otherFile = location.file == source?.file ? nil : location.file
    }

    /// A parsed node at a 1-based line and column of `source`.
    init(_ kind: Kind, line: Int, column: Int, tag: String?, length: Int, source: YAMLSource) {
        self.kind = kind
        self.tag = tag
        self.length = max(1, length)
        self.source = source
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
        self.otherFile = nil
    }
}
