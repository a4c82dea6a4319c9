/// The views (and materialized views) that read a relation, directly or through other views:
/// rows of (schema, name, type, depth, create statement), shallowest first. Decode with
/// `decode(_:)`. A swap that renames the relation aside must recreate these (dfx-managed) or
/// refuse (unmanaged) instead of dropping them.
///
/// PostgreSQL follows `pg_depend` through `pg_rewrite` (the rules that implement views), at most
/// 64 levels deep; the create statement comes from `pg_get_viewdef`. SQLite records no
/// dependencies: its query is textual, finding views whose SQL contains the relation's quoted
/// stored name (`"analytics.orders"`, `[analytics.orders]` or `` `analytics.orders` ``), then views
/// that mention those, at most 64 levels deep. A name merely mentioned in a string or comment also
/// counts, and an unquoted reference (possible only for a relation without a schema) is missed.
/// The create statement is the one SQLite stored.
public struct ListDependentViewsQuery: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        switch dialect.kind {
        case .postgres: return [postgres(dialect)]
        case .sqlite: return [sqlite(dialect)]
        }
    }

    private func postgres(_ dialect: SQLDialect) -> String {
        """
        with recursive dependents(oid, depth) as (
          select r.ev_class, 1
          from pg_catalog.pg_depend d
          join pg_catalog.pg_rewrite r on r.oid = d.objid
          where d.classid = 'pg_catalog.pg_rewrite'::regclass and d.refclassid = 'pg_catalog.pg_class'::regclass
            and r.ev_class <> d.refobjid
            and d.refobjid = (
              select c.oid from pg_catalog.pg_class c
              join pg_catalog.pg_namespace n on n.oid = c.relnamespace
              where \(CatalogFilter.postgres(relation, dialect)))
          union
          select r.ev_class, dependents.depth + 1
          from dependents
          join pg_catalog.pg_depend d on d.refobjid = dependents.oid
          join pg_catalog.pg_rewrite r on r.oid = d.objid
          where d.classid = 'pg_catalog.pg_rewrite'::regclass and d.refclassid = 'pg_catalog.pg_class'::regclass
            and r.ev_class <> d.refobjid and dependents.depth < 64
        )
        select n.nspname, c.relname,
          case c.relkind when 'm' then 'materialized_view' else 'view' end,
          max(dependents.depth),
          case c.relkind when 'm' then 'create materialized view ' else 'create view ' end
            || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
            || ' as' || chr(10) || rtrim(pg_catalog.pg_get_viewdef(c.oid), ';')
        from dependents
        join pg_catalog.pg_class c on c.oid = dependents.oid
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        group by n.nspname, c.relname, c.relkind, c.oid
        order by 4, 1, 2
        """
    }

    private func sqlite(_ dialect: SQLDialect) -> String {
        let mentions = Self.sqliteMentions
        let target = CatalogFilter.sqliteName(relation, dialect)
        return """
            with recursive dependents(name, depth) as (
              select m.name, 1
              from sqlite_master m
              where m.type = 'view' and m.name <> \(target) and \(mentions("m.sql", target))
              union
              select m.name, dependents.depth + 1
              from dependents
              join sqlite_master m on m.type = 'view' and m.name <> dependents.name
              where dependents.depth < 64 and \(mentions("m.sql", "dependents.name"))
            )
            select null, dependents.name, 'view', max(dependents.depth), m.sql
            from dependents
            join sqlite_master m on m.name = dependents.name and m.type = 'view'
            group by dependents.name, m.sql
            order by 4, 2
            """
    }

    /// SQLite: whether the SQL text `sql` (an expression) mentions the stored name `name` (an
    /// expression) in any of the three identifier quotes SQLite accepts; a view may use any of them,
    /// whatever dfx uses, so the search is spelled here rather than through the dialect.
    static func sqliteMentions(_ sql: String, _ name: String) -> String {
        "(instr(lower(\(sql)), lower('\"' || replace(\(name), '\"', '\"\"') || '\"')) > 0"
            + " or instr(lower(\(sql)), lower('[' || \(name) || ']')) > 0"
            + " or instr(lower(\(sql)), lower('`' || replace(\(name), '`', '``') || '`')) > 0)"
    }

    /// The views in the query's rows; malformed rows are skipped.
    public static func decode(_ rows: [[String?]]) -> [DependentView] {
        rows.compactMap { row in
            guard row.count >= 5, let name = row[1], let typeText = row[2], let type = RelationType(rawValue: typeText),
                let depthText = row[3], let depth = Int(depthText), let create = row[4]
            else { return nil }
            return DependentView(schema: row[0], name: name, type: type, depth: depth, createStatement: create)
        }
    }
}
