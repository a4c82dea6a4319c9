/// A view that reads a relation, found by `ListDependentViewsQuery`.
public struct DependentView: Sendable, Hashable {
    /// Its schema on PostgreSQL; nil on SQLite, where the schema is part of `name`.
    public var schema: String?
    public var name: String
    public var type: RelationType
    /// 1 for a view on the relation itself, 2 for a view on such a view, ...: recreate in this order.
    public var depth: Int
    /// A statement that creates the view again as it is now (`create view ... as ...`).
    public var createStatement: String

    public init(schema: String?, name: String, type: RelationType, depth: Int, createStatement: String) {
        self.schema = schema
        self.name = name
        self.type = type
        self.depth = depth
        self.createStatement = createStatement
    }

    /// The view's relation name.
    public var relation: RelationName { RelationName(schema: schema, name: name) }
}
