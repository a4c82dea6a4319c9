/// What kind of relation a name refers to: decides `drop table` vs `drop view` and how to rename.
public enum RelationType: String, Sendable, Hashable, CaseIterable {
    case table
    case view
    /// PostgreSQL only.
    case materializedView = "materialized_view"
    /// PostgreSQL only; dfx never creates one but may find one in the way.
    case foreignTable = "foreign_table"

    /// The keyword after `drop` / `alter`: `table`, `view`, `materialized view`, `foreign table`.
    public var keyword: String {
        switch self {
        case .table: "table"
        case .view: "view"
        case .materializedView: "materialized view"
        case .foreignTable: "foreign table"
        }
    }

    /// Whether `dialect` has this kind of relation.
    public func exists(in dialect: SQLDialect) -> Bool {
        switch self {
        case .table, .view: true
        case .materializedView, .foreignTable: dialect.kind == .postgres
        }
    }

    func check(in dialect: SQLDialect) throws(SQLRenderError) {
        guard exists(in: dialect) else {
            throw SQLRenderError("\(dialect.kind.rawValue) has no \(keyword)")
        }
    }
}
