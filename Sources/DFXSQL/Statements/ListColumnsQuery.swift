/// The columns of a relation in their order: rows of (name, type). Decode with `decode(_:)`; no
/// rows means the relation does not exist (or has no columns).
///
/// PostgreSQL reads `pg_attribute` with `format_type`, which keeps lengths and precisions
/// (`numeric(10,2)`), unlike information_schema. SQLite reads `pragma_table_info`, whose
/// argument is the whole stored name (`analytics.orders`).
public struct ListColumnsQuery: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        switch dialect.kind {
        case .postgres:
            return [
                """
                select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
                from pg_catalog.pg_attribute a
                join pg_catalog.pg_class c on c.oid = a.attrelid
                join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where \(CatalogFilter.postgres(relation, dialect)) and a.attnum > 0 and not a.attisdropped
                order by a.attnum
                """
            ]
        case .sqlite:
            return ["select name, type from pragma_table_info(\(CatalogFilter.sqliteName(relation, dialect))) order by cid"]
        }
    }

    /// The columns in the query's rows; rows without a name are skipped.
    public static func decode(_ rows: [[String?]]) -> [RelationColumn] {
        rows.compactMap { row in
            guard let name = row.first ?? nil else { return nil }
            let type = row.count > 1 ? row[1] ?? "" : ""
            return RelationColumn(name: name, dataType: type)
        }
    }
}
