import DFXBasics

/// A top-level definition block of a template file.
public struct BlockDefinition: Sendable {
    /// Which block tag defined it.
    public enum Kind: String, Sendable {
        case macro, test, snapshot, docs
    }

    /// The block tag.
    public var kind: Kind
    /// The block's name (`test_<name>` for a test block, as the macro it defines).
    public var name: String
    /// Where the name is written.
    public var location: SourceLocation
    /// For a snapshot: its body as a renderable template (same path, same line numbers).
    public var body: Template?
    /// For docs: the text between `{% docs name %}` and `{% enddocs %}`, verbatim.
    public var rawText: String
}
