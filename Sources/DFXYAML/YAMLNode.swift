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

    /// What few nodes have: a collection's explicit tag, a file other than `source`'s. Kept in one
    /// optional box so that a node (decoders copy them often) carries one nil reference for both.
    final class Extras: Sendable {
        let tag: String?
        let otherFile: String?

        init(tag: String?, otherFile: String?) {
            self.tag = tag
            self.otherFile = otherFile
        }

        /// A box for these values, or nil when both are nil.
        static func make(tag: String?, otherFile: String?) -> Extras? {
            tag == nil && otherFile == nil ? nil : Extras(tag: tag, otherFile: otherFile)
        }
    }

    /// The content.
    public var kind: Kind
    /// The file this node was parsed from, for quoting source lines in diagnostics.
    public var source: YAMLSource?
    private var extras: Extras?
    // The location is kept as numbers, its file as `source`'s: a copy of a node then retains the
    // source and the content, nothing else.
    private var line: Int32
    private var column: Int32
    private var storedLength: Int32

    /// The explicit tag in long form (`tag:yaml.org,2002:str` for `!!str`), nil when untagged.
    public var tag: String? {
        get { extras?.tag }
        set { extras = Extras.make(tag: newValue, otherFile: extras?.otherFile) }
    }

    /// How many columns a caret under this node should span (at least 1).
    public var length: Int {
        get { Int(storedLength) }
        set { storedLength = Int32(clamping: max(1, newValue)) }
    }

    /// Where the node starts (for a quoted scalar, its opening quote; for a block scalar, its
    /// `|` or `>` indicator; for a block mapping, its first key).
    public var location: SourceLocation {
        get { SourceLocation(file: extras?.otherFile ?? source?.file ?? "", line: Int(line), column: Int(column)) }
        set {
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
            extras = Extras.make(tag: extras?.tag, otherFile: newValue.file == source?.file ? nil : newValue.file)
        }
    }
}

// The initializers live in an extension so that the struct keeps its memberwise initializer: a
// node built by it is assembled in place, where a custom initializer built it aside and then copied
// it out (a retain and a release of its contents per node: 11 M instructions on the 1k project).
extension YAMLNode {
    /// Creates a node; parsed nodes come from `YAML.parse`.
    public init(
        _ kind: Kind, location: SourceLocation, tag: String? = nil, length: Int = 1,
        source: YAMLSource? = nil
    ) {
        self.init(
            kind: kind, source: source,
            extras: Extras.make(tag: tag, otherFile: location.file == source?.file ? nil : location.file),
            line: Int32(clamping: location.line), column: Int32(clamping: location.column),
            storedLength: Int32(clamping: max(1, length)))
    }

    /// A parsed node at a 1-based line and column of `source`.
    static func parsed(_ kind: Kind, line: Int, column: Int, tag: String?, length: Int, source: YAMLSource) -> YAMLNode {
        YAMLNode(
            kind: kind, source: source, extras: tag == nil ? nil : Extras(tag: tag, otherFile: nil),
            line: Int32(clamping: line), column: Int32(clamping: column), storedLength: Int32(clamping: max(1, length)))
    }
}
