/// `alter table <relation> add column "name" <type>` (on_schema_change append_new_columns and
/// sync_all_columns). `dataType` is SQL type text as the warehouse reports it (for example from
/// `ListColumnsQuery`: `character varying(20)`, `numeric(10,2)`) and is written as is.
public struct AddColumnStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var column: String
    public var dataType: String

    public init(relation: RelationName, column: String, dataType: String) {
        self.relation = relation
        self.column = column
        self.dataType = dataType
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        let type = dataType.allSatisfy(\.isWhitespace) ? "" : " " + dataType
        return ["alter table " + relation.rendered(dialect) + " add column " + dialect.quoteIdentifier(column) + type]
    }
}
