/// The name of a relation as dfx addresses it: optional database, optional schema, name.
///
/// Rendering goes through `SQLDialect.relation(database:schema:name:)`, so on SQLite the relation
/// `analytics.orders` is the single table `"analytics.orders"`.
public struct RelationName: Sendable, Hashable, CustomStringConvertible {
    public var database: String?
    public var schema: String?
    public var name: String

    public init(database: String? = nil, schema: String?, name: String) {
        self.database = database
        self.schema = schema
        self.name = name
    }

    /// The same relation (database, schema) under another name.
    public func renamed(_ newName: String) -> RelationName {
        RelationName(database: database, schema: schema, name: newName)
    }

    /// The quoted, qualified name for `dialect`.
    public func rendered(_ dialect: SQLDialect) -> String {
        dialect.relation(database: database, schema: schema, name: name)
    }

    /// The unquoted name the way SQLite stores it: `schema.name` (or `name` without a schema).
    public var flatName: String {
        guard let schema, !schema.isEmpty else { return name }
        return schema + "." + name
    }

    public var description: String { [database, schema, name].compactMap { $0 }.joined(separator: ".") }
}
