/// One statement kind rendered for a dialect: the only way dfx produces DDL and DML, so that
/// identifiers and literals always go through `SQLDialect.quoteIdentifier` / `quoteLiteral`.
///
/// A statement renders to zero or more SQL texts, each to be executed on its own and in order,
/// without a trailing semicolon. Zero means the dialect has no such thing and nothing needs doing
/// (a comment on SQLite, a schema on SQLite); several mean the dialect needs more than one step (a
/// view rename on SQLite is a drop and a create). Statements that cannot be rendered for a dialect
/// (or with the values given) throw `SQLRenderError` instead of producing wrong SQL.
///
/// The kinds, one per file: DDL — `CreateSchemaStatement`, `CreateTableStatement`,
/// `CreateTableAsStatement`, `CreateViewStatement`, `DropRelationStatement`,
/// `RenameRelationStatement`, `AddColumnStatement`, `DropColumnStatement`,
/// `AlterColumnTypeStatement`, `CreateIndexStatement`, `CommentStatement`, `GrantStatement`,
/// `RevokeStatement`; DML — `InsertSelectStatement`, `InsertValuesStatement`,
/// `DeleteInsertStatement`, `MergeStatement`; SCD type 2 (in SCD2/, sharing `SCD2Spec`) —
/// `SCD2StageStatement`, `SCD2KeyCheckQuery`, `SCD2CreateStatement`, `SCD2ChangesStatement`,
/// `SCD2ReopenStatement`, `SCD2CloseStatement`, `SCD2InsertStatement`; control — `TransactionStatement`,
/// `AdvisoryLockStatement`; introspection, each with a static `decode(_:)` for its rows —
/// `RelationTypeQuery`, `ListColumnsQuery`, `ListDependentViewsQuery`, `ListGrantsQuery`; data
/// tests — `TestResultQuery` (dbt's counting query), `SampleRowsQuery`, `RowCountQuery`; sources —
/// `FreshnessQuery`.
/// Golden SQL for each, on both dialects, is in Tests/DFXSQLTests/Golden, and every golden
/// statement is executed on real PostgreSQL and SQLite by the tests.
public protocol SQLStatement: Sendable {
    /// The SQL texts that perform this statement on `dialect`, in execution order.
    func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String]
}
