import DFXBasics

/// The outcome of a selection: unique IDs in topological order, and warnings for terms that matched nothing.
public struct SelectionResult: Sendable, Hashable {
    /// Selected unique IDs, parents before children (the graph's topological order).
    public var uniqueIDs: [String]
    /// One warning per top-level term that selected nothing (dbt: `NoNodesForSelectionCriteria`).
    public var warnings: [Diagnostic]

    /// Creates a result.
    public init(uniqueIDs: [String], warnings: [Diagnostic] = []) {
        self.uniqueIDs = uniqueIDs
        self.warnings = warnings
    }
}
