/// `alter table <relation> drop column "name"` (on_schema_change sync_all_columns). Never
/// `cascade`: a view that reads the column makes the drop fail instead of vanishing.
/// SQLite supports it from 3.35.
public struct DropColumnStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var column: String

    public init(relation: RelationName, column: String) {
        self.relation = relation
        self.column = column
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        ["alter table " + relation.rendered(dialect) + " drop column " + dialect.quoteIdentifier(column)]
    }
}
