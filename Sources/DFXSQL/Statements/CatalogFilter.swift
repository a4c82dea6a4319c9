/// The PostgreSQL catalog condition that finds one relation by schema and name (`c` is
/// `pg_class`, `n` is `pg_namespace`), and the name SQLite stores it under, both as literals.
enum CatalogFilter {
    static func postgres(_ relation: RelationName, _ dialect: SQLDialect) -> String {
        let schema = relation.schema.flatMap { $0.isEmpty ? nil : dialect.quoteLiteral($0) } ?? "current_schema()"
        return "n.nspname = " + schema + " and c.relname = " + dialect.quoteLiteral(relation.name)
    }

    static func sqliteName(_ relation: RelationName, _ dialect: SQLDialect) -> String {
        dialect.quoteLiteral(relation.flatName)
    }
}
