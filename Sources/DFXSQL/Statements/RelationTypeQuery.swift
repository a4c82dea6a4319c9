/// Whether a relation exists, and as what: one row with one column (`table`, `view`,
/// `materialized_view`, `foreign_table`, or `other` for a sequence, index, ... in the way), or no
/// row when nothing has that name. Decode the rows with `decode(_:)`.
///
/// PostgreSQL reads `pg_class` (partitioned tables count as tables); a relation without a schema is
/// looked up in `current_schema()`. SQLite reads `sqlite_master`.
public struct RelationTypeQuery: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        switch dialect.kind {
        case .postgres:
            return [
                """
                select case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view' \
                when 'm' then 'materialized_view' when 'f' then 'foreign_table' else 'other' end
                from pg_catalog.pg_class c
                join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where \(CatalogFilter.postgres(relation, dialect))
                """
            ]
        case .sqlite:
            return [
                """
                select case type when 'table' then 'table' when 'view' then 'view' else 'other' end
                from sqlite_master
                where name = \(CatalogFilter.sqliteName(relation, dialect))
                """
            ]
        }
    }

    /// What the query found: nil when no relation (or something that is not a relation, such as
    /// a sequence or an index) has the name.
    public static func decode(_ rows: [[String?]]) -> RelationType? {
        guard let value = rows.first?.first ?? nil else { return nil }
        return RelationType(rawValue: value)
    }
}
