/// `create table [if not exists] <relation> ("a" integer, "b" text, ...)`: an empty table with declared columns
/// (seeds, and tables whose types come from configuration). Types are SQL type text written as
/// is (see `AddColumnStatement`); an empty type declares a typeless SQLite column.
public struct CreateTableStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var columns: [RelationColumn]
    /// PostgreSQL `unlogged`; ignored elsewhere.
    public var unlogged: Bool
    /// `create table if not exists`: keep a table that is already there.
    public var ifNotExists: Bool

    public init(relation: RelationName, columns: [RelationColumn], unlogged: Bool = false, ifNotExists: Bool = false) {
        self.relation = relation
        self.columns = columns
        self.unlogged = unlogged
        self.ifNotExists = ifNotExists
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        guard !columns.isEmpty else { throw SQLRenderError("table \(relation) needs at least one column") }
        let kind = (unlogged && dialect.supportsUnloggedTables ? "create unlogged table " : "create table ")
            + (ifNotExists ? "if not exists " : "")
        let definitions = columns.map { column in
            let type = column.dataType.allSatisfy(\.isWhitespace) ? "" : " " + column.dataType
            return "  " + dialect.quoteIdentifier(column.name) + type
        }
        return [kind + relation.rendered(dialect) + " (\n" + definitions.joined(separator: ",\n") + "\n)"]
    }
}
