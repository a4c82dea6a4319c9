/// Whether any view reads a relation directly: one row with one column, `1` or `0`. Decode with
/// `decode(_:)`. The cheap question before `ListDependentViewsQuery`: it reads the catalogs only
/// (no `pg_get_viewdef`, which locks each view it reads), so it is safe to ask while another
/// connection drops and recreates views. A relation has dependents at any depth only if it has
/// direct ones.
///
/// PostgreSQL looks for a rewrite rule of another relation that depends on it in `pg_depend`;
/// SQLite for a view whose SQL mentions its quoted stored name (as `ListDependentViewsQuery`).
public struct HasDependentViewsQuery: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        switch dialect.kind {
        case .postgres:
            return [
                """
                select case when exists (
                  select 1
                  from pg_catalog.pg_depend d
                  join pg_catalog.pg_rewrite r on r.oid = d.objid
                  where d.classid = 'pg_catalog.pg_rewrite'::regclass and d.refclassid = 'pg_catalog.pg_class'::regclass
                    and r.ev_class <> d.refobjid
                    and d.refobjid = (
                      select c.oid from pg_catalog.pg_class c
                      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                      where \(CatalogFilter.postgres(relation, dialect)))
                ) then 1 else 0 end
                """
            ]
        case .sqlite:
            let target = CatalogFilter.sqliteName(relation, dialect)
            return [
                """
                select case when exists (
                  select 1 from sqlite_master m
                  where m.type = 'view' and m.name <> \(target) and \(ListDependentViewsQuery.sqliteMentions("m.sql", target))
                ) then 1 else 0 end
                """
            ]
        }
    }

    /// True when the query found a dependent view.
    public static func decode(_ rows: [[String?]]) -> Bool {
        rows.first?.first.flatMap { $0 } == "1"
    }
}
