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
            var node = nodes[index]
            let customSchema = node.config["schema"]?.scalarText
            let customAlias = node.config["alias"]?.scalarText
            let customDatabase = node.config["database"]?.scalarText
            let model = context.modelValue(node)
            if node.resourceType == .snapshot, let targetSchema = node.config["target_schema"]?.scalarText {
                node.schema = targetSchema
            } else if let schemaMacro {
                node.schema = callNamingMacro(schemaMacro, custom: customSchema, model: model, node: node) ?? target.schema
            } else {
                node.schema = SchemaNaming.defaultSchema(custom: customSchema, targetSchema: target.schema)
            }
            if let aliasMacro {
                node.alias = callNamingMacro(aliasMacro, custom: customAlias, model: model, node: node) ?? node.name
            } else {
                node.alias = SchemaNaming.defaultAlias(custom: customAlias, nodeName: node.name)
            }
            if let databaseMacro {
                node.database = callNamingMacro(databaseMacro, custom: customDatabase, model: model, node: node)
            } else {
                node.database = customDatabase ?? (settings.dialect.hasSchemas ? target.database : nil)
            }
            nodes[index] = node
        }
    }

    private mutating func callNamingMacro(_ macro: Value, custom: String?, model: Value, node: Node) -> String? {
        let arguments = Arguments(
            positional: [custom.map(Value.string) ?? .none, model], keyword: [], location: node.location)
        do {
            let result = try environment.call(macro, arguments: arguments, context: [:])
            let text = result.renderedString().trimmingSpaces
            return text.isEmpty ? nil : text
        } catch {
            errors.append(contentsOf: error.diagnostics)
            return nil
        }
    }
}
