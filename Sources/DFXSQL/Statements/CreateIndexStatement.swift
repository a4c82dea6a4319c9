/// `create [unique] index if not exists "name" on <relation> [using method] ("a", "b")` (dbt's
/// `indexes` config on PostgreSQL).
///
/// On PostgreSQL the index lives in its table's schema, so its name is never qualified; the access
/// method (`btree`, `hash`, `gin`, `gist`, `brin`, ...) is written as a keyword, lower-cased, and
/// must be letters only. On SQLite, whose index names share one namespace with tables, the name is
/// prefixed with the table's schema like relations are (`"analytics.orders_idx"`) and the method
/// is ignored.
public struct CreateIndexStatement: SQLStatement, Hashable {
    public var name: String
    public var relation: RelationName
    public var columns: [String]
    public var unique: Bool
    public var method: String?

    public init(name: String, relation: RelationName, columns: [String], unique: Bool = false, method: String? = nil) {
        self.name = name
        self.relation = relation
        self.columns = columns
        self.unique = unique
        self.method = method
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        guard !columns.isEmpty else { throw SQLRenderError("index \(name) on \(relation) needs at least one column") }
        var sql = "create " + (unique ? "unique " : "") + "index if not exists "
        sql += dialect.hasSchemas ? dialect.quoteIdentifier(name) : relation.renamed(name).rendered(dialect)
        sql += " on " + relation.rendered(dialect)
        if let method, dialect.supportsIndexMethods {
            let keyword = method.lowercased()
            guard !keyword.isEmpty, keyword.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                throw SQLRenderError("index type '\(method)' is not an access method name", hint: "use btree, hash, gin, gist, spgist or brin")
            }
            sql += " using " + keyword
        }
        return [sql + " (" + columns.map(dialect.quoteIdentifier).joined(separator: ", ") + ")"]
    }
}
