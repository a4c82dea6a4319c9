/// The kind of a graph node, spelled as dbt spells it in unique IDs and `resource_type:` selectors.
public enum ResourceType: String, Sendable, Hashable, CaseIterable, Codable {
    /// A SQL or Python model under `models/`.
    case model
    /// A CSV file under `seeds/`.
    case seed
    case snapshot
    /// A generic (YAML) or singular (SQL file) data test.
    case test
    /// A `sources:` table declared in YAML.
    case source
    /// A SQL file under `analyses/`: compiled, never run.
    case analysis
    /// A hook (`on-run-start`/`on-run-end`).
    case operation

    /// dbt resource types that dfx does not model; `resource_type:` accepts them and selects nothing.
    static let knownButUnmodelled: Set<String> = [
        "exposure", "metric", "unit_test", "semantic_model", "saved_query", "group", "macro", "doc",
        "rpc", "sql_operation", "fixture", "function",
    ]
}
