import DFXBasics

/// A YAML selector's `definition:` (dbt's `selectors.yml`), as the project loader decodes it.
///
/// Mirrors dbt's `parse_from_definition`:
/// - a string is one CLI-style atom (`"tag:nightly+"`);
/// - `method: value` and the full `{method, value, parents, …}` form are `.method`;
/// - `union:` / `intersection:` take a list whose items may include at most one `exclude:`;
/// - `selector: name` (or `method: selector, value: name`) inlines another named selector.
public indirect enum SelectorDefinition: Sendable, Hashable {
    /// A single atom in CLI syntax, e.g. `"@stg_orders"` or `"config.materialized:view"`.
    case string(String, location: SourceLocation? = nil)
    /// `tag: nightly`, or the full form with graph operators.
    case method(SelectorMethodDefinition)
    /// `union: [ … ]`.
    case union([SelectorDefinition], location: SourceLocation? = nil)
    /// `intersection: [ … ]`.
    case intersection([SelectorDefinition], location: SourceLocation? = nil)
    /// `exclude: [ … ]`, valid only as an item of a `union`/`intersection` list.
    case exclude([SelectorDefinition], location: SourceLocation? = nil)
    /// `selector: name`: the definition of another named selector.
    case selector(String, location: SourceLocation? = nil)

    /// Where the definition was written, for diagnostics.
    public var location: SourceLocation? {
        switch self {
        case .string(_, let location), .union(_, let location), .intersection(_, let location),
            .exclude(_, let location), .selector(_, let location):
            return location
        case .method(let definition):
            return definition.location
        }
    }
}
