/// Renames a relation within its schema.
///
/// PostgreSQL: `alter table|view|materialized view <relation> rename to "new"` (the new name is
/// never qualified: a rename cannot move a relation to another schema). SQLite: `alter table
/// "schema.old" rename to "schema.new"` for tables; SQLite cannot rename a view, so a view is
/// dropped and created again under the new name from `viewDefinition` (its select), which is
/// then required. Both happen inside the caller's transaction, so the swap stays atomic.
///
/// To put an old view aside on SQLite, drop it instead: a view holds no data.
///
/// On both warehouses views that reference a renamed table follow it (PostgreSQL binds views to
/// the table itself; SQLite ≥ 3.26 rewrites their text): callers that swap relations must
/// recreate dependents, see `ListDependentViewsQuery`.
public struct RenameRelationStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var newName: String
    public var type: RelationType
    /// The select of a view; needed to "rename" a view on SQLite, ignored elsewhere.
    public var viewDefinition: String?

    public init(relation: RelationName, newName: String, type: RelationType, viewDefinition: String? = nil) {
        self.relation = relation
        self.newName = newName
        self.type = type
        self.viewDefinition = viewDefinition
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        try type.check(in: dialect)
        if type == .view && !dialect.supportsViewRename {
            guard let viewDefinition else {
                throw SQLRenderError(
                    "cannot rename view \(relation) on \(dialect.kind.rawValue) without its definition",
                    hint: "pass the view's select as viewDefinition: the view is dropped and created again")
            }
            // Plain `drop view` (no `if exists`): renaming a view that is not there is an error.
            return ["drop view " + relation.rendered(dialect)]
                + CreateViewStatement(relation: relation.renamed(newName), select: viewDefinition).render(dialect)
        }
        let target: String
        if dialect.hasSchemas {
            target = dialect.quoteIdentifier(newName)
        } else {
            // On SQLite the schema is part of the one table name: keep it.
            target = relation.renamed(newName).rendered(dialect)
        }
        let keyword = dialect.supportsViewRename ? type.keyword : "table"
        return ["alter " + keyword + " " + relation.rendered(dialect) + " rename to " + target]
    }
}
