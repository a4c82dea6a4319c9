import DFXBasics

/// One entry of `selectors.yml`: `name`, optional `description`, `definition`, optional `default`.
public struct NamedSelector: Sendable, Hashable {
    /// The name given to `--selector`.
    public var name: String
    /// Free text from `description:`.
    public var description: String?
    /// What the selector selects.
    public var definition: SelectorDefinition
    /// `default: true`: used when a command gets no `--select`, `--exclude` or `--selector`.
    public var isDefault: Bool
    /// Where the entry starts (its `name:`), for diagnostics.
    public var location: SourceLocation?

    /// Creates an entry.
    public init(
        name: String, description: String? = nil, definition: SelectorDefinition, isDefault: Bool = false,
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.description = description
        self.definition = definition
        self.isDefault = isDefault
        self.location = location
    }
}
