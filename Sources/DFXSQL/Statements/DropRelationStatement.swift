/// `drop table|view if exists <relation>`, never `cascade`: a dependent view makes the drop fail
/// on PostgreSQL instead of silently disappearing with it.
public struct DropRelationStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var type: RelationType

    public init(relation: RelationName, type: RelationType) {
        self.relation = relation
        self.type = type
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        try type.check(in: dialect)
        return ["drop " + type.keyword + " if exists " + relation.rendered(dialect)]
    }
}
