/// One statement kind rendered for a dialect: the only way dfx produces DDL and DML, so that
/// identifiers and literals always go through `SQLDialect.quoteIdentifier` / `quoteLiteral`.
///
/// A statement renders to zero or more SQL texts, each to be executed on its own and in order,
/// without a trailing semicolon. Zero means the dialect has no such thing and nothing needs doing
/// (a comment on SQLite, a schema on SQLite); several mean the dialect needs more than one step (a
/// view rename on SQLite is a drop and a create). Statements that cannot be rendered for a dialect
/// (or with the values given) throw `SQLRenderError` instead of producing wrong SQL.
public protocol SQLStatement: Sendable {
    /// The SQL texts that perform this statement on `dialect`, in execution order.
    func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String]
}
