/// The aliases of the target and the source in delete+insert and merge statements, the same as
/// dbt's (`DBT_INTERNAL_DEST`, `DBT_INTERNAL_SOURCE`), so that `incremental_predicates` written for
/// dbt keep working. They are rendered quoted in lower case: an unquoted `DBT_INTERNAL_DEST.col` in
/// a predicate folds to the same name on PostgreSQL, and SQLite compares names case-insensitively.
public enum IncrementalAliases {
    /// The relation being written.
    public static let target = "dbt_internal_dest"
    /// The new rows.
    public static let source = "dbt_internal_source"
}
