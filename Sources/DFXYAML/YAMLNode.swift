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

    /// The 1-based line, without building a `SourceLocation`.
    var lineNumber: Int { Int(line) }

    /// Creates a node; parsed nodes come from `YAML.parse`.
    public init(
        _ kind: Kind, location: SourceLocation, tag: String? = nil, length: Int = 1,
        source: YAMLSource? = nil
    ) {
        self.kind = kind
        self.source = source
        self.extras = Extras.make(tag: tag, otherFile: location.file == source?.file ? nil : location.file)
        self.storedLength = Int32(clamping: max(1, length))
        self.line = Int32(clamping: location.line)
        self.column = Int32(clamping: location.column)
    }

    /// A parsed node at a 1-based line and column of `source`. Not inlined: inlined into the
    /// builder, each scalar node was also copied once more (2 M more instructions on the 1k
    /// synthetic project).
    @inline(never)
    init(_ kind: consuming Kind, line: Int, column: Int, tag: String?, length: Int, source: YAMLSource) {
        self.kind = kind
        self.source = source
        self.extras = tag == nil ? nil : Extras(tag: tag, otherFile: nil)
        self.storedLength = Int32(clamping: max(1, length))
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
    }
}
