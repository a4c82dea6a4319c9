/// `alter table <relation> alter column "c" type <type> using "c"::<type>` (on_schema_change
/// sync_all_columns when a column's type changed), on PostgreSQL.
///
/// SQLite cannot change a declared type without rebuilding the table, and its columns hold any
/// value whatever their declared type (the type is only an affinity), so the statement renders
/// nothing there: the values arrive as they are and the old declaration stays.
public struct AlterColumnTypeStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var column: String
    public var dataType: String

    public init(relation: RelationName, column: String, dataType: String) {
        self.relation = relation
        self.column = column
        self.dataType = dataType
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        guard dialect.kind == .postgres else { return [] }
        guard !dataType.allSatisfy(\.isWhitespace) else {
            throw SQLRenderError("cannot change column \(column) of \(relation) to an empty type")
        }
        let name = dialect.quoteIdentifier(column)
        return [
            "alter table " + relation.rendered(dialect) + " alter column " + name + " type " + dataType
                + " using " + name + "::" + dataType
        ]
    }
}
