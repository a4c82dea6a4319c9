/// The kind of a graph node, spelled as dbt spells it in unique IDs and `resource_type:` selectors.
public enum ResourceType: String, Sendable, Hashable, CaseIterable, Codable {
    case model, seed, snapshot, test, source, analysis, operation

    /// dbt resource types that dfx does not model; `resource_type:` accepts them and selects nothing.
    static let knownButUnmodelled: Set<String> = [
        "exposure", "metric", "unit_test", "semantic_model", "saved_query", "group", "macro", "doc",
        "rpc", "sql_operation", "fixture", "function",
    ]
}
