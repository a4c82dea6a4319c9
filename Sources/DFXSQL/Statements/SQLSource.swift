/// Where rows come from in an insert, delete+insert or merge: a relation, or a query that is
/// wrapped in parentheses as a derived table.
public enum SQLSource: Sendable, Hashable {
    case relation(RelationName)
    case query(String)

    /// The source for a `from` / `using` clause, aliased as `alias` (already an identifier, unquoted).
    func rendered(_ dialect: SQLDialect, alias: String) -> String {
        let quotedAlias = dialect.quoteIdentifier(alias)
        switch self {
        case .relation(let relation): return relation.rendered(dialect) + " as " + quotedAlias
        case .query(let sql): return "(\n" + sql + "\n) as " + quotedAlias
        }
    }
}
