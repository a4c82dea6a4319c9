/// One selector atom: `[@][N+][method[.arg…]:]value[+[N]]`.
public struct SelectionCriteria: Sendable, Hashable, CustomStringConvertible {
    /// How `value` is matched (`fqn` when no method was written and the value is not a path or file).
    public var method: SelectorMethod
    /// The dotted arguments after the method (the config key path for `config.meta.owner`).
    public var arguments: [String]
    /// The text after `method:`, without graph operators.
    public var value: String
    /// `+m`: also select ancestors, up to `parentsDepth` edges (unlimited when nil).
    public var parents: Bool
    public var parentsDepth: Int?
    /// `m+`: also select descendants, up to `childrenDepth` edges (unlimited when nil).
    public var children: Bool
    public var childrenDepth: Int?
    /// `@m`: m, its descendants, and all ancestors of those descendants.
    public var childrensParents: Bool
    /// Per-criteria override of the indirect selection mode (YAML selectors); nil inherits.
    public var indirectSelection: IndirectSelection?

    /// Creates an atom; by default without graph operators.
    public init(
        method: SelectorMethod, arguments: [String] = [], value: String, parents: Bool = false,
        parentsDepth: Int? = nil, children: Bool = false, childrenDepth: Int? = nil,
        childrensParents: Bool = false, indirectSelection: IndirectSelection? = nil
    ) {
        self.method = method
        self.arguments = arguments
        self.value = value
        self.parents = parents
        self.parentsDepth = parentsDepth
        self.children = children
        self.childrenDepth = childrenDepth
        self.childrensParents = childrensParents
        self.indirectSelection = indirectSelection
    }

    /// Canonical text, method always written: `2+fqn:stg_orders+1`, `@tag:nightly`.
    public var description: String {
        var text = childrensParents ? "@" : ""
        if parents { text += (parentsDepth.map(String.init) ?? "") + "+" }
        text += ([method.rawValue] + arguments).joined(separator: ".") + ":" + value
        if children { text += "+" + (childrenDepth.map(String.init) ?? "") }
        if let indirectSelection { text += " [indirect_selection: \(indirectSelection.rawValue)]" }
        return text
    }
}
