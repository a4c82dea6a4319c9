/// `create view <relation> as <select>`. The select is the compiled model SQL, used as is; it
/// starts on its own line so that a leading comment in it cannot swallow the keyword.
public struct CreateViewStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var select: String

    public init(relation: RelationName, select: String) {
        self.relation = relation
        self.select = select
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        ["create view " + relation.rendered(dialect) + " as\n" + select]
    }
}
