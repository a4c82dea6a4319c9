import DFXBasics
import DFXProject
import DFXTemplate

extension ParseState {
    /// Sets each node's schema, alias and database, through the project's `generate_schema_name`,
    /// `generate_alias_name` and `generate_database_name` macros when it defines them, else with
    /// dbt's default rules (custom schema appended to the target schema).
    mutating func applyNaming() {
        let schemaMacro = environment.macro(named: "generate_schema_name", namespace: packageName)
        let aliasMacro = environment.macro(named: "generate_alias_name", namespace: packageName)
        let databaseMacro = environment.macro(named: "generate_database_name", namespace: packageName)
        let target = settings.target
        let context = NodeContext(relations: RelationIndex(), dialect: settings.dialect)
        let anyMacro = schemaMacro != nil || aliasMacro != nil || databaseMacro != nil
        for index in nodes.indices where nodes[index].resourceType != .source {
            if nodes[index].resourceType == .test, nodes[index].config["schema"] == nil {
                nodes[index].config["schema"] = .string("dfx_test__audit")
            }
            // Without naming macros (the common case) set the names in place, copying nothing.
            if !anyMacro {
                let config = nodes[index].config
                if nodes[index].resourceType == .snapshot, let targetSchema = config["target_schema"]?.scalarText {
                    nodes[index].schema = targetSchema
                } else {
                    nodes[index].schema = SchemaNaming.defaultSchema(custom: config["schema"]?.scalarText, targetSchema: target.schema)
                }
                nodes[index].alias = SchemaNaming.defaultAlias(custom: config["alias"]?.scalarText, nodeName: nodes[index].name)
                nodes[index].database = config["database"]?.scalarText ?? (settings.dialect.hasSchemas ? target.database : nil)
                continue
            }
        }
        guard anyMacro else { return }
        // Naming macros are called once per node: on all cores, the environment being shared and
        // read-only while they run.
        var namingMacros = NamingMacros(schema: schemaMacro, alias: aliasMacro, database: databaseMacro)
        let environment = self.environment
        let hasSchemas = settings.dialect.hasSchemas
        let indices = nodes.indices.filter { nodes[$0].resourceType != .source }
        namingMacros.schemaResults = memoizedResults(schemaMacro, key: "schema", indices: indices, context: context) {
            !($0.resourceType == .snapshot && $0.config["target_schema"]?.scalarText != nil)
        }
        namingMacros.aliasResults = memoizedResults(aliasMacro, key: "alias", indices: indices, context: context) { _ in true }
        namingMacros.databaseResults = memoizedResults(databaseMacro, key: "database", indices: indices, context: context) { _ in true }
        let macros = namingMacros
        // A function's parameter, not a local copy: the nodes' shared fields must have one owner again
        // before they are set below, or each node would be copied on write.
        func nameAll(_ current: [Node]) -> [NamingResult] {
            indices.concurrentMap { index in
                Self.names(for: current[index], macros: macros, environment: environment, context: context, target: target, hasSchemas: hasSchemas)
            }
        }
        let named = nameAll(nodes)
        for (index, result) in zip(indices, named) {
            nodes[index].schema = result.schema
            nodes[index].alias = result.alias
            nodes[index].database = result.database
            errors += result.errors
        }
    }

    /// The project's naming macros, when it defines them.
    struct NamingMacros: Sendable {
        var schema: Value?
        var alias: Value?
        var database: Value?
        /// A macro's trimmed result by custom name (`config.schema` ...), when the macro depends
        /// only on that name (see `memoizedResults`); a name missing here is looked up by a call.
        var schemaResults: [String?: String] = [:]
        var aliasResults: [String?: String] = [:]
        var databaseResults: [String?: String] = [:]
    }

    /// A naming macro's results for each distinct custom name among the nodes at `indices` that
    /// `uses` the macro, each found by one call, when the macro's output can only depend on its
    /// first argument (`Environment.dependsOnlyOnArguments`: no calls, never reads its `node`
    /// parameter). dbt's default `generate_schema_name` copied into a project is such a macro: it
    /// is then called once per custom schema, not once per node. Calls that fail are not kept: those
    /// nodes call the macro themselves and report their own errors.
    func memoizedResults(
        _ macro: Value?, key: String, indices: [Int], context: NodeContext, uses: (Node) -> Bool
    ) -> [String?: String] {
        guard let macro, case .macro(let value) = macro else { return [:] }
        let ignored = Set(value.parameterNames.dropFirst()).union(["varargs", "kwargs"])
        guard environment.dependsOnlyOnArguments(macro, ignoring: ignored) else { return [:] }
        var results: [String?: String] = [:]
        var tried: Set<String?> = []
        for index in indices where uses(nodes[index]) {
            let custom = nodes[index].config[key]?.scalarText
            guard tried.insert(custom).inserted else { continue }
            let arguments = Arguments(
                positional: [custom.map(Value.string) ?? .none, context.modelValue(nodes[index])], keyword: [],
                location: nodes[index].location)
            guard let text = try? environment.call(macro, arguments: arguments, context: [:]).renderedString() else { continue }
            results[custom] = text.trimmingSpaces
        }
        return results
    }

    struct NamingResult: Sendable {
        var schema: String
        var alias: String
        var database: String?
        var errors: [Diagnostic]
    }

    static func names(
        for node: Node, macros: NamingMacros, environment: Environment, context: NodeContext, target: TargetSettings, hasSchemas: Bool
    ) -> NamingResult {
        var errors: [Diagnostic] = []
        // Built only when a macro is called: a memoized result needs no `model`.
        var modelValue: Value?
        func call(_ macro: Value, _ custom: String?, _ memoized: [String?: String]) -> String? {
            if let text = memoized[custom] { return text.isEmpty ? nil : text }
            let model = modelValue ?? context.modelValue(node)
            modelValue = model
            let arguments = Arguments(positional: [custom.map(Value.string) ?? .none, model], keyword: [], location: node.location)
            do {
                let text = try environment.call(macro, arguments: arguments, context: [:]).renderedString().trimmingSpaces
                return text.isEmpty ? nil : text
            } catch {
                errors += error.diagnostics
                return nil
            }
        }
        let customSchema = node.config["schema"]?.scalarText
        let customAlias = node.config["alias"]?.scalarText
        let customDatabase = node.config["database"]?.scalarText
        let schema: String
        if node.resourceType == .snapshot, let targetSchema = node.config["target_schema"]?.scalarText {
            schema = targetSchema
        } else if let macro = macros.schema {
            schema = call(macro, customSchema, macros.schemaResults) ?? target.schema
        } else {
            schema = SchemaNaming.defaultSchema(custom: customSchema, targetSchema: target.schema)
        }
        let alias = macros.alias.flatMap { call($0, customAlias, macros.aliasResults) }
            ?? (macros.alias == nil ? SchemaNaming.defaultAlias(custom: customAlias, nodeName: node.name) : node.name)
        let database = macros.database.map { call($0, customDatabase, macros.databaseResults) }
            ?? (customDatabase ?? (hasSchemas ? target.database : nil))
        return NamingResult(schema: schema, alias: alias, database: database, errors: errors)
    }
}
