import DFXSQL
import DFXTemplate

/// The per-render functions through which templates reach the warehouse, as in dbt:
/// `{% call statement('name', fetch_result=True) %}...{% endcall %}` (a built-in macro over
/// `__dfx_statement`), `load_result('name')`, `run_query(sql)` (a built-in macro), and
/// `adapter.get_columns_in_relation` / `adapter.get_relation`.
///
/// Statements run only when `execute` is true; a command that has no warehouse (none passed)
/// reports which command to use instead.
enum DatabaseContext {
    /// Adds to one render's context the functions over `database` (nil: no warehouse) and the
    /// adapter extended with it (nil: keep the global one). Inserted in place: this runs once per
    /// node on the compile path.
    static func add(to values: inout [String: Value], database: TemplateDatabase?, adapter: AdapterObject?) {
        let results = StatementResults()
        let statement = NativeFunction("statement") { arguments in
            guard let database else { throw unavailableError("statement") }
            let sql = arguments.value(at: 1, named: "sql")?.renderedString() ?? ""
            let name = arguments.value(at: 0, named: "name").flatMap(\.asString)
            let result = try run(sql, on: database)
            if let name {
                let table = QueryTable(result)
                results.set(
                    name,
                    .dict([
                        ("data", .list(table.rows.map { .tuple($0.values) })), ("table", .object(table)),
                        ("response", .dict([("rows_affected", .int(result.rowsAffected)), ("code", .string("OK"))])),
                    ]))
            }
            return .none
        }
        let load = NativeFunction("load_result") { arguments in
            guard let name = arguments.value(at: 0, named: "name").flatMap(\.asString) else {
                throw TemplateRuntimeError("load_result() takes the statement's name")
            }
            return results.get(name) ?? .none
        }
        values["__dfx_statement"] = .function(statement)
        values["load_result"] = .function(load)
        if var adapter {
            adapter.database = database
            values["adapter"] = .object(adapter)
        }
    }

    /// `adapter.get_columns_in_relation(relation)` / `adapter.get_relation(database, schema, identifier)`.
    static func adapterFunction(_ name: String, database: TemplateDatabase) -> Value {
        let dialect = database.dialect
        if name == "get_columns_in_relation" {
            return .function(
                NativeFunction(name) { arguments in
                    let relation = try relationName(arguments.value(at: 0, named: "relation"))
                    var columns: [Value] = []
                    for sql in ListColumnsQuery(relation: relation).render(dialect) {
                        columns = ListColumnsQuery.decode(try run(sql, on: database).textRows).map { column in
                            .dict([
                                ("name", .string(column.name)), ("column", .string(column.name)),
                                ("quoted", .string(dialect.quoteIdentifier(column.name))),
                                ("data_type", .string(column.dataType)), ("dtype", .string(column.dataType)),
                            ])
                        }
                    }
                    return .list(columns)
                })
        }
        return .function(
            NativeFunction(name) { arguments in
                guard let identifier = arguments.value(at: 2, named: "identifier")?.asString else {
                    throw TemplateRuntimeError("get_relation() takes database, schema and identifier")
                }
                let schema = arguments.value(at: 1, named: "schema")?.asString
                let relation = RelationName(schema: schema, name: identifier)
                var type: RelationType?
                for sql in RelationTypeQuery(relation: relation).render(dialect) {
                    type = RelationTypeQuery.decode(try run(sql, on: database).textRows)
                }
                guard let type else { return .none }
                return .object(RelationValue(database: nil, schema: schema, identifier: identifier, dialect: dialect, type: type.rawValue))
            })
    }

    static func unavailableError(_ name: String) -> TemplateRuntimeError {
        TemplateRuntimeError(
            "\(name)() needs the warehouse, and this command does not connect to it",
            hint: "guard the call with {% if execute %}, or use dfx run / dfx build")
    }

    static func relationName(_ value: Value?) throws -> RelationName {
        if case .object(let object)? = value, let relation = object as? RelationValue {
            return RelationName(schema: relation.schema, name: relation.identifier)
        }
        throw TemplateRuntimeError("expected a relation (from ref(), source() or this)")
    }

    static func run(_ sql: String, on database: TemplateDatabase) throws -> QueryResult {
        do {
            return try database.query(sql)
        } catch let error as DatabaseError {
            throw TemplateRuntimeError("the warehouse refused a query: " + error.description)
        }
    }
}

/// `statement` results of one render, by name; one render runs on one thread.
final class StatementResults: @unchecked Sendable {
    private var results: [String: Value] = [:]

    func set(_ name: String, _ value: Value) { results[name] = value }
    func get(_ name: String) -> Value? { results[name] }
}
