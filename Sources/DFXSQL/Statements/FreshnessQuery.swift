/// dbt's source freshness query (`collect_freshness`): the latest `loaded_at_field` of a source
/// table (rows matching `filter`, when given) and the database's current time, both as Unix
/// seconds so that neither depends on how the warehouse prints timestamps.
///
/// PostgreSQL reads `extract(epoch from …)` (a timestamp without time zone counts as UTC, as dbt
/// assumes); SQLite reads ISO-8601 text through `julianday`, and takes a numeric column as Unix
/// seconds already. `loadedAtField` and `filter` are SQL from the source's properties, used as
/// written, as dbt does. Decode the single row with `decode(_:)`.
public struct FreshnessQuery: SQLStatement, Hashable {
    public var relation: RelationName
    public var loadedAtField: String
    public var filter: String?

    public init(relation: RelationName, loadedAtField: String, filter: String? = nil) {
        self.relation = relation
        self.loadedAtField = loadedAtField
        self.filter = filter
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        let field = "max(" + loadedAtField + ")"
        let columns: String
        switch dialect.kind {
        case .postgres:
            columns = "extract(epoch from \(field)) as max_loaded_at,\n  extract(epoch from now()) as snapshotted_at"
        case .sqlite:
            columns = "case when typeof(\(field)) in ('integer', 'real') then \(field)"
                + " else (julianday(\(field)) - 2440587.5) * 86400.0 end as max_loaded_at,\n"
                + "  (julianday('now') - 2440587.5) * 86400.0 as snapshotted_at"
        }
        var sql = "select\n  " + columns + "\nfrom " + relation.rendered(dialect)
        if let filter, !filter.isEmpty { sql += "\nwhere (" + filter + ")" }
        return [sql]
    }

    /// The latest load and the current time in Unix seconds; `maxLoadedAt` is nil when no row
    /// matched (or every `loaded_at_field` is NULL).
    public static func decode(_ rows: [[String?]]) -> (maxLoadedAt: Double?, snapshottedAt: Double?) {
        guard let row = rows.first else { return (nil, nil) }
        func number(_ index: Int) -> Double? { index < row.count ? row[index].flatMap(Double.init) : nil }
        return (number(0), number(1))
    }
}
