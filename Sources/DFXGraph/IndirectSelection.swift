/// How tests are selected through the nodes they test (dbt's `--indirect-selection`).
///
/// For every test that is a direct child of a selected node (dbt's `expand_selection`):
/// - `eager` (default): select it, whichever of its parents are selected.
/// - `cautious`: select it only when all of its parents are selected.
/// - `buildable`: select it when all of its parents are selected, or are ancestors of selected nodes,
///   or are sources.
/// - `empty`: never select tests indirectly (only what the selector names, plus its graph operators).
/// Under `cautious` and `buildable`, a test left out by one term of a union or intersection is kept
/// aside and added once the combined selection contains all of its parents (dbt's
/// `incorporate_indirect_nodes`).
public enum IndirectSelection: String, Sendable, Hashable, CaseIterable, Codable {
    /// Any selected parent selects the test (dbt's default).
    case eager
    /// All parents must be selected.
    case cautious
    /// All parents must be selected, upstream of the selection, or sources.
    case buildable
    /// Tests are never selected indirectly.
    case empty
}
