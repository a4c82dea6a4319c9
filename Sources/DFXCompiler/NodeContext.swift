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
struct NodeContext: Sendable {
    enum Mode { case parse, compile }

    let relations: RelationIndex
    let dialect: SQLDialect
    /// The entries every `.compile` render shares (`ref` and `source` that resolve without
    /// recording, `execute`, a false `is_incremental`), built once: a compile renders thousands of
    /// nodes, and each one's context cost about as much as its render.
    private let compileBase: [String: Value]?

    /// `sharingCompileEntries`: build the entries every `.compile` render shares now (for a
    /// compiler that renders many nodes) rather than per render.
    init(relations: RelationIndex, dialect: SQLDialect, sharingCompileEntries: Bool = false) {
        self.relations = relations
        self.dialect = dialect
        compileBase = sharingCompileEntries ? Self.compileEntries(relations: relations, dialect: dialect) : nil
    }

    private static func compileEntries(relations: RelationIndex, dialect: SQLDialect) -> [String: Value] {
        var base = [String: Value](minimumCapacity: 16)
        base["ref"] = .function(Self.ref(relations: relations, dialect: dialect, recorder: nil))
        base["source"] = .function(Self.source(relations: relations, dialect: dialect, recorder: nil))
        base["is_incremental"] = .function(Self.isIncremental(false))
        base["execute"] = .bool(true)
        return base
    }

    func values(
        for node: Node, mode: Mode, recorder: CallRecorder, isIncremental: Bool = false, database: TemplateDatabase? = nil,
        adapter: AdapterObject? = nil
    ) -> [String: Value] {
        var values = entries(for: node, mode: mode, recorder: recorder, isIncremental: isIncremental, database: database, adapter: adapter)
        values["model"] = modelValue(node)
        return values
    }

    /// A `.compile` render's context, `model` built only if the render reads it (templates rarely
    /// do, and it cost as much as the rest of the context): pass both to `Environment.render`.
    func compileValues(
        for node: Node, isIncremental: Bool = false, database: TemplateDatabase? = nil, adapter: AdapterObject? = nil
    ) -> (values: [String: Value], lazy: [String: LazyValue]) {
        let values = entries(
            for: node, mode: .compile, recorder: CallRecorder(), isIncremental: isIncremental, database: database, adapter: adapter)
        return (values, ["model": LazyValue { modelValue(node) }])
    }

    /// Everything but `model`.
    private func entries(
        for node: Node, mode: Mode, recorder: CallRecorder, isIncremental: Bool, database: TemplateDatabase?, adapter: AdapterObject?
    ) -> [String: Value] {
        let recording = mode == .parse
        var values: [String: Value]
        if recording {
            values = [String: Value](minimumCapacity: 16)
            values["ref"] = .function(Self.ref(relations: relations, dialect: dialect, recorder: recorder))
            values["source"] = .function(Self.source(relations: relations, dialect: dialect, recorder: recorder))
            values["is_incremental"] = .function(Self.isIncremental(isIncremental))
            values["execute"] = .bool(false)
        } else {
            // Compile mode records nothing: the calls were recorded at parse time.
            values = compileBase ?? Self.compileEntries(relations: relations, dialect: dialect)
            if isIncremental { values["is_incremental"] = .function(Self.isIncremental(true)) }
        }
        let this = RelationValue(
            database: node.database, schema: node.schema, identifier: node.alias.isEmpty ? node.name : node.alias,
            dialect: dialect, type: node.materialized == "view" ? "view" : "table")
        values["config"] = .object(ConfigObject(values: node.config, recorder: recording ? recorder : nil))
        values["this"] = .object(this)
        DatabaseContext.add(to: &values, database: database, adapter: adapter)
        return values
    }

    /// `is_incremental()`, answering `value`.
    private static func isIncremental(_ value: Bool) -> NativeFunction {
        NativeFunction("is_incremental") { _ in .bool(value) }
    }

    /// `ref(...)`: with a recorder (parse mode) the call is recorded and a name not known yet
    /// gives a relation of that name; without one an unknown name is an error at the call. A
    /// known name costs one lookup: the call's location and the diagnostic are only worked out
    /// when needed.
    private static func ref(relations: RelationIndex, dialect: SQLDialect, recorder: CallRecorder?) -> NativeFunction {
        NativeFunction("ref") { arguments in
            let strings = arguments.positional.compactMap(\.asString)
            guard !strings.isEmpty, strings.count == arguments.positional.count, strings.count <= 2 else {
                throw TemplateRuntimeError("ref() takes a model name, or a package and a model name, as strings")
            }
            let package = strings.count == 2 ? strings[0] : nil
            let name = strings[strings.count - 1]
            if let recorder {
                let version = arguments.keyword("version").map { $0.renderedString() } ?? arguments.keyword("v").map { $0.renderedString() }
                recorder.references.append(Reference(package: package, name: name, version: version, location: arguments.location))
            }
            if let entry = relations.entry(named: name, package: package) { return entry.value }
            if recorder != nil {
                return .object(RelationValue(database: nil, schema: nil, identifier: name, dialect: dialect))
            }
            let reference = Reference(package: package, name: name, version: nil, location: arguments.location)
            switch relations.resolve(reference) {
            case .success(let entry): return entry.value
            case .failure(let diagnostic): throw TemplateRuntimeError(diagnostic.message, hint: diagnostic.hint)
            }
        }
    }

    /// `source(source_name, table_name)`, recorded and lenient as `ref` is.
    private static func source(relations: RelationIndex, dialect: SQLDialect, recorder: CallRecorder?) -> NativeFunction {
        NativeFunction("source") { arguments in
            guard let sourceName = arguments.value(at: 0, named: "source_name")?.asString,
                let tableName = arguments.value(at: 1, named: "table_name")?.asString
            else {
                throw TemplateRuntimeError("source() takes a source name and a table name, as strings")
            }
            recorder?.sources.append(SourceReference(sourceName: sourceName, tableName: tableName, location: arguments.location))
            if let entry = relations.entry(source: sourceName, table: tableName) { return entry.value }
            if recorder != nil {
                return .object(RelationValue(database: nil, schema: sourceName, identifier: tableName, dialect: dialect))
            }
            let reference = SourceReference(sourceName: sourceName, tableName: tableName, location: arguments.location)
            switch relations.resolve(reference) {
            case .success(let entry): return entry.value
            case .failure(let diagnostic): throw TemplateRuntimeError(diagnostic.message, hint: diagnostic.hint)
            }
        }
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
