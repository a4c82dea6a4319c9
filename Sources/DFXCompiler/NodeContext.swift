import DFXBasics
import DFXProject
import DFXSQL
import DFXTemplate

/// Builds the per-node part of dbt's template context: `ref`, `source`, `config`, `this`, `model`,
/// `is_incremental`, `execute`.
///
/// In `.parse` mode (`execute` false) calls are recorded and `ref` returns the relation it can,
/// never failing on a name it does not know yet; in `.compile` mode `ref` resolves through the
/// relation index and an unknown name is an error at the call.
struct NodeContext {
    enum Mode { case parse, compile }

    let relations: RelationIndex
    let dialect: SQLDialect

    func values(
        for node: Node, mode: Mode, recorder: CallRecorder, isIncremental: Bool = false, database: TemplateDatabase? = nil,
        adapter: AdapterObject? = nil
    ) -> [String: Value] {
        let relations = self.relations
        let dialect = self.dialect
        let recording = mode == .parse
        let ref = NativeFunction("ref") { arguments in
            let strings = arguments.positional.compactMap(\.asString)
            guard !strings.isEmpty, strings.count == arguments.positional.count, strings.count <= 2 else {
                throw TemplateRuntimeError("ref() takes a model name, or a package and a model name, as strings")
            }
            let version = arguments.keyword("version").map { $0.renderedString() } ?? arguments.keyword("v").map { $0.renderedString() }
            let reference = Reference(
                package: strings.count == 2 ? strings[0] : nil, name: strings[strings.count - 1], version: version,
                location: arguments.location)
            recorder.references.append(reference)
            switch relations.resolve(reference) {
            case .success(let entry): return .object(entry.relation)
            case .failure(let diagnostic):
                if recording {
                    return .object(RelationValue(database: nil, schema: nil, identifier: reference.name, dialect: dialect))
                }
                throw TemplateRuntimeError(diagnostic.message, hint: diagnostic.hint)
            }
        }
        let source = NativeFunction("source") { arguments in
            guard let sourceName = arguments.value(at: 0, named: "source_name")?.asString,
                let tableName = arguments.value(at: 1, named: "table_name")?.asString
            else {
                throw TemplateRuntimeError("source() takes a source name and a table name, as strings")
            }
            let reference = SourceReference(sourceName: sourceName, tableName: tableName, location: arguments.location)
            recorder.sources.append(reference)
            switch relations.resolve(reference) {
            case .success(let entry): return .object(entry.relation)
            case .failure(let diagnostic):
                if recording {
                    return .object(RelationValue(database: nil, schema: sourceName, identifier: tableName, dialect: dialect))
                }
                throw TemplateRuntimeError(diagnostic.message, hint: diagnostic.hint)
            }
        }
        let this = RelationValue(
            database: node.database, schema: node.schema, identifier: node.alias.isEmpty ? node.name : node.alias,
            dialect: dialect, type: node.materialized == "view" ? "view" : "table")
        var values: [String: Value] = [
            "ref": .function(ref),
            "source": .function(source),
            "config": .object(ConfigObject(values: node.config, recorder: recording ? recorder : nil)),
            "this": .object(this),
            "model": modelValue(node),
            "is_incremental": .function(NativeFunction("is_incremental") { _ in .bool(isIncremental) }),
            "execute": .bool(!recording),
        ]
        DatabaseContext.add(to: &values, database: database, adapter: adapter)
        return values
    }

    /// `model`: the node as a dict, with dbt's keys.
    func modelValue(_ node: Node) -> Value {
        .dict(distinctKeys: [
            ("name", .string(node.name)),
            ("unique_id", .string(node.uniqueID)),
            ("resource_type", .string(node.resourceType.rawValue)),
            ("package_name", .string(node.packageName)),
            ("original_file_path", .string(node.originalFilePath)),
            ("path", .string(node.path)),
            ("fqn", .list(node.fqn.map(Value.string))),
            ("schema", .string(node.schema)),
            ("alias", .string(node.alias)),
            ("database", node.database.map(Value.string) ?? .none),
            ("tags", .list(node.tags.map(Value.string))),
            ("config", ConfigValue.dict(node.config).templateValue),
            ("description", .string(node.description)),
        ])
    }
}
