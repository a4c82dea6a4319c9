import DFXBasics

/// The full YAML form of one selector atom:
///
/// ```yaml
/// - method: tag            # or config.materialized, path, fqn, … ("selector" references another)
///   value: nightly
///   parents: true          # +value
///   parents_depth: 2       # 2+value (only with parents: true, as in dbt)
///   children: true         # value+
///   children_depth: 1
///   childrens_parents: true  # @value
///   indirect_selection: cautious
///   exclude: [ … ]
/// ```
public struct SelectorMethodDefinition: Sendable, Hashable {
    /// The method, with dotted arguments (`config.meta.owner`).
    public var method: String
    /// The value, as text (the loader renders YAML scalars such as `true` or `5` as text).
    public var value: String
    /// `parents: true`: also select ancestors.
    public var parents: Bool
    /// Limits `parents` to this many edges (ignored unless `parents` is true, as in dbt).
    public var parentsDepth: Int?
    /// `children: true`: also select descendants.
    public var children: Bool
    /// Limits `children` to this many edges (ignored unless `children` is true).
    public var childrenDepth: Int?
    /// `childrens_parents: true`: the `@` operator.
    public var childrensParents: Bool
    /// Overrides the command's `--indirect-selection` for this atom.
    public var indirectSelection: IndirectSelection?
    /// Nodes to remove from this atom's selection.
    public var exclude: [SelectorDefinition]?
    /// Where the definition was written, for diagnostics.
    public var location: SourceLocation?

    /// Creates a definition; by default without graph operators.
    public init(
        method: String, value: String, parents: Bool = false, parentsDepth: Int? = nil,
        children: Bool = false, childrenDepth: Int? = nil, childrensParents: Bool = false,
        indirectSelection: IndirectSelection? = nil, exclude: [SelectorDefinition]? = nil,
        location: SourceLocation? = nil
    ) {
        self.method = method
        self.value = value
        self.parents = parents
        self.parentsDepth = parentsDepth
        self.children = children
        self.childrenDepth = childrenDepth
        self.childrensParents = childrensParents
        self.indirectSelection = indirectSelection
        self.exclude = exclude
        self.location = location
    }
}
