import DFXBasics

extension ResourceType {
    /// dbt resource types that dfx does not model; `resource_type:` accepts them and selects nothing.
    static let knownButUnmodelled: Set<String> = [
        "exposure", "metric", "unit_test", "semantic_model", "saved_query", "group", "doc",
        "rpc", "sql_operation", "fixture", "function",
    ]
}
