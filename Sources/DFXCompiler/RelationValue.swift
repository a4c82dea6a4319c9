import DFXSQL
import DFXTemplate

/// A warehouse relation as templates see it: what `ref()`, `source()` and `this` return.
///
/// Prints as the quoted, dialect-correct name (`"analytics"."orders"`), and offers dbt's attributes
/// (`database`, `schema`, `identifier`, `name`, `table`) and methods (`include`, `render`).
public struct RelationValue: TemplateObject, Hashable {
    public var database: String?
    public var schema: String?
    public var identifier: String
    public var dialect: SQLDialect
    /// Whether each part is printed (`include(database=false)` turns one off). Like dbt-postgres,
    /// relations print `"database"."schema"."name"` where the warehouse has databases.
    public var includeDatabase = true
    public var includeSchema = true
    /// `view`, `table`, `cte` (ephemeral) or nil when unknown.
    public var type: String?

    public init(database: String?, schema: String?, identifier: String, dialect: SQLDialect, type: String? = nil) {
        self.database = database
        self.schema = schema
        self.identifier = identifier
        self.dialect = dialect
        self.type = type
    }

    public var renderedString: String {
        if type == "cte" { return identifier }
        return dialect.relation(
            database: includeDatabase ? database : nil, schema: includeSchema ? schema : nil, name: identifier)
    }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "database": return database.map(Value.string) ?? Value.none
        case "schema": return schema.map(Value.string) ?? Value.none
        case "identifier", "name", "table": return .string(identifier)
        case "type": return type.map(Value.string) ?? Value.none
        case "is_table": return .bool(type == "table")
        case "is_view": return .bool(type == "view")
        case "is_cte": return .bool(type == "cte")
        case "render":
            let text = renderedString
            return .function(NativeFunction("render") { _ in .string(text) })
        case "include":
            let base = self
            return .function(
                NativeFunction("include") { arguments in
                    var copy = base
                    if let flag = arguments.keyword("database") { copy.includeDatabase = flag.isTruthy }
                    if let flag = arguments.keyword("schema") { copy.includeSchema = flag.isTruthy }
                    return .object(copy)
                })
        case "quote":
            let base = self
            return .function(NativeFunction("quote") { _ in .object(base) })
        default: return nil
        }
    }
}
