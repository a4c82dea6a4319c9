/// `create schema if not exists "analytics"` on PostgreSQL; nothing on SQLite, which keeps every
/// relation of every schema in one file (see `SQLDialect.relation`).
public struct CreateSchemaStatement: SQLStatement, Hashable {
    public var database: String?
    public var schema: String

    public init(database: String? = nil, schema: String) {
        self.database = database
        self.schema = schema
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        guard dialect.hasSchemas else { return [] }
        var name = dialect.quoteIdentifier(schema)
        if let database, !database.isEmpty { name = dialect.quoteIdentifier(database) + "." + name }
        return ["create schema if not exists " + name]
    }
}
