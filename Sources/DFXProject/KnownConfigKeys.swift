import DFXBasics

/// Config names dfx understands, so that a project file's `materialized: view` (without `+`) is read
/// as a config and a misspelled one (`materialised`) gets a warning with a suggestion.
public enum KnownConfigKeys {
    /// Keys valid for every resource type.
    public static let common: Set<String> = [
        "enabled", "tags", "meta", "docs", "schema", "alias", "database", "pre-hook", "post-hook",
        "persist_docs", "quoting", "grants", "full_refresh", "materialized", "description", "group",
        "access", "labels", "contract", "event_time", "on_error", "sql_header", "statement_timeout",
    ]
    /// Model-specific keys (materializations, incremental and scd2 options).
    public static let model: Set<String> = [
        "unique_key", "incremental_strategy", "on_schema_change", "incremental_predicates",
        "merge_update_columns", "merge_exclude_columns", "indexes", "unlogged", "batch_size", "lookback",
        "begin", "strategy", "updated_at", "check_cols", "valid_from", "valid_to", "invalidate_hard_deletes",
        "hard_deletes", "updated_at_as_valid_from", "time_data_type", "allow_history_rebuild",
        "concurrent_batches",
    ]
    /// Seed-specific keys.
    public static let seed: Set<String> = ["column_types", "quote_columns", "delimiter"]
    /// Snapshot-specific keys.
    public static let snapshot: Set<String> = [
        "target_schema", "target_database", "unique_key", "strategy", "updated_at", "check_cols",
        "invalidate_hard_deletes", "hard_deletes", "dbt_valid_to_current", "snapshot_meta_column_names",
    ]
    /// Data-test keys.
    public static let test: Set<String> = [
        "severity", "error_if", "warn_if", "store_failures", "store_failures_as", "limit", "where",
        "fail_calc",
    ]
    /// Source keys.
    public static let source: Set<String> = ["loaded_at_field", "freshness"]

    /// Every key dfx knows for `type`.
    public static func keys(for type: ResourceType) -> Set<String> {
        switch type {
        case .model, .analysis: return common.union(model)
        case .seed: return common.union(seed)
        case .snapshot: return common.union(snapshot)
        case .test: return common.union(test)
        case .source: return common.union(source)
        case .macro, .operation: return common
        }
    }
}
