import DFXBasics
import DFXTemplate
import DFXYAML

/// Reads a properties file (`schema.yml` and friends): sources, models, seeds, snapshots, analyses.
struct PropertiesDecoder {
    let file: String
    /// Folders between the resource folder and the file, for fqns.
    let folders: [String]
    let renderer: YAMLStringRenderer
    /// Keys never rendered as templates: prose, hooks, and test arguments (rendered by the test).
    static let rawKeys: Set<String> = ["description", "pre-hook", "post-hook", "pre_hook", "post_hook", "tests", "data_tests"]
    static let topLevelKeys: Set<String> = [
        "version", "sources", "models", "seeds", "snapshots", "analyses", "macros", "exposures", "metrics", "groups",
        "semantic_models", "saved_queries", "unit_tests", "data_tests", "functions",
    ]

    struct Result: Sendable {
        var sources: [SourceDefinition] = []
        var resources: [ResourceProperties] = []
        var warnings: [Diagnostic] = []
    }

    func decode(_ root: YAMLNode) throws(DiagnosticError) -> Result {
        var reader = try YAMLMappingReader(root, context: "a properties file")
        var result = Result()
        _ = reader.node("version")
        for entry in try reader.list("sources") ?? [] {
            result.sources.append(try decodeSource(entry, warnings: &result.warnings))
        }
        let kinds: [(String, ResourceType)] = [("models", .model), ("seeds", .seed), ("snapshots", .snapshot), ("analyses", .analysis)]
        for (key, type) in kinds {
            for entry in try reader.list(key) ?? [] {
                result.resources.append(try decodeResource(entry, type: type, warnings: &result.warnings))
            }
        }
        for ignored in ["macros", "exposures", "metrics", "groups", "semantic_models", "saved_queries", "unit_tests", "data_tests", "functions"] {
            if let node = reader.node(ignored), !node.isNull, ignored != "macros" {
                result.warnings.append(
                    (reader.keyNode(ignored) ?? node).diagnostic(
                        "'\(ignored)' are not supported by dfx yet and are ignored", severity: .warning))
            }
        }
        result.warnings += reader.unknownKeys(allowed: Self.topLevelKeys)
        return result
    }

    private func decodeSource(_ node: YAMLNode, warnings: inout [Diagnostic]) throws(DiagnosticError) -> SourceDefinition {
        var reader = try YAMLMappingReader(node, context: "a source")
        let name = try reader.requiredString("name")
        reader.context = "source '\(name)'"
        var source = SourceDefinition(
            name: name, schema: try rendered(&reader, "schema") ?? name, location: node.location, file: file)
        source.folders = folders
        source.database = try rendered(&reader, "database")
        source.description = try reader.string("description") ?? ""
        source.loader = try reader.string("loader")
        source.loadedAtField = try reader.string("loaded_at_field")
        source.freshness = try reader.node("freshness").map { value throws(DiagnosticError) in try value.configValue(render: renderer) }
        source.quoting = try dict(&reader, "quoting")
        source.meta = try dict(&reader, "meta")
        source.tags = try reader.stringList("tags", allowSingle: true) ?? []
        source.config = try dict(&reader, "config")
        for table in try reader.list("tables") ?? [] {
            source.tables.append(try decodeSourceTable(table, sourceName: name, warnings: &warnings))
        }
        _ = reader.node("overrides")
        warnings += reader.unknownKeys()
        return source
    }

    private func decodeSourceTable(_ node: YAMLNode, sourceName: String, warnings: inout [Diagnostic]) throws(DiagnosticError) -> SourceTableDefinition {
        var reader = try YAMLMappingReader(node, context: "a table of source '\(sourceName)'")
        let name = try reader.requiredString("name")
        reader.context = "source table '\(sourceName).\(name)'"
        var table = SourceTableDefinition(name: name, location: node.location)
        table.identifier = try rendered(&reader, "identifier")
        table.description = try reader.string("description") ?? ""
        table.loadedAtField = try reader.string("loaded_at_field")
        table.freshness = try reader.node("freshness").map { value throws(DiagnosticError) in try value.configValue(render: renderer) }
        table.quoting = try dict(&reader, "quoting")
        table.meta = try dict(&reader, "meta")
        table.tags = try reader.stringList("tags", allowSingle: true) ?? []
        table.config = try dict(&reader, "config")
        table.columns = try columns(&reader, warnings: &warnings)
        table.tests = try tests(&reader, warnings: &warnings)
        _ = reader.node("external")
        warnings += reader.unknownKeys()
        return table
    }

    private func decodeResource(_ node: YAMLNode, type: ResourceType, warnings: inout [Diagnostic]) throws(DiagnosticError) -> ResourceProperties {
        var reader = try YAMLMappingReader(node, context: "a \(type.rawValue)")
        let name = try reader.requiredString("name")
        reader.context = "\(type.rawValue) '\(name)'"
        var resource = ResourceProperties(resourceType: type, name: name, location: node.location, file: file)
        resource.folders = folders
        resource.description = try reader.string("description") ?? ""
        var config = try dict(&reader, "config")
        // Older spellings at the top level of the entry: tags, meta, docs.
        if let tags = try reader.stringList("tags", allowSingle: true) { ConfigMerge.apply(["tags": .list(tags.map(ConfigValue.string))], onto: &config) }
        let meta = try dict(&reader, "meta")
        if !meta.isEmpty { ConfigMerge.apply(["meta": .dict(meta)], onto: &config) }
        let docs = try dict(&reader, "docs")
        if !docs.isEmpty { ConfigMerge.apply(["docs": .dict(docs)], onto: &config) }
        resource.config = config
        resource.columns = try columns(&reader, warnings: &warnings)
        resource.tests = try tests(&reader, warnings: &warnings)
        if type == .snapshot { resource.relation = try reader.string("relation") }
        for ignored in Self.ignoredResourceKeys { reader.markRead(ignored) }
        warnings += reader.unknownKeys()
        return resource
    }

    /// Keys of a model, seed, snapshot or analysis entry that dfx accepts and ignores.
    static let ignoredResourceKeys = ["constraints", "access", "group", "latest_version", "versions", "deprecation_date", "time_spine", "freshness"]

    static let columnKeys: Set<String> = [
        "name", "description", "data_type", "quote", "meta", "tags", "tests", "data_tests", "constraints", "policy_tags",
        "config", "granularity",
    ]

    /// Columns are the bulk of a large project's YAML: each entry is read in one pass over its keys
    /// (rather than one lookup per known key), errors and warnings as the mapping reader words them.
    private func columns(_ reader: inout YAMLMappingReader, warnings: inout [Diagnostic]) throws(DiagnosticError) -> [ColumnDefinition] {
        var result: [ColumnDefinition] = []
        let nodes = try reader.list("columns") ?? []
        result.reserveCapacity(nodes.count)
        for node in nodes {
            guard case .mapping(let mapping) = node.kind else {
                throw DiagnosticError(node.typeMismatch("a column", expected: "a mapping"))
            }
            guard let nameNode = mapping["name"], let name = nameNode.scalarText, !nameNode.isNull else {
                var column = try YAMLMappingReader(node, context: "a column")
                _ = try column.requiredString("name")
                continue
            }
            // Built in place in the result: a column is not copied into the array when done.
            result.append(ColumnDefinition(name: name, location: node.location))
            let slot = result.count - 1
            // Built only for a message: most columns never need it.
            var context: String { "column '\(name)'" }
            func mismatch(_ key: String, _ value: YAMLNode, _ expected: String) throws(DiagnosticError) -> Never {
                throw (try YAMLMappingReader(node, context: context)).mismatch(key, value, expected: expected)
            }
            // By position: each entry is read in place, only its value node is copied out.
            for position in mapping.entries.indices {
                guard let key = mapping.entries[position].key.scalarText else { continue }
                // Lengths first: comparing unequal strings takes the general (slow) path.
                let length = key.utf8.count
                if length == 4, key == "name" { continue }
                let value = mapping.entries[position].value
                if value.isNull { continue }
                if length == 11, key == "description" {
                    guard let text = value.stringValue else { try mismatch(key, value, "a string") }
                    result[slot].description = text
                    continue
                }
                switch key {
                case "description":
                    guard let text = value.stringValue else { try mismatch(key, value, "a string") }
                    result[slot].description = text
                case "data_type":
                    guard let text = value.scalarText, value.mapping == nil else { try mismatch(key, value, "a string") }
                    result[slot].dataType = text
                case "quote":
                    guard let flag = value.boolValue else { try mismatch(key, value, "a boolean") }
                    result[slot].quote = flag
                case "meta":
                    guard value.mapping != nil, case .dict(let entries) = try value.configValue(render: renderer, rawKeys: Self.rawKeys) else {
                        try mismatch(key, value, "a mapping")
                    }
                    result[slot].meta = entries
                case "tags":
                    if let text = value.scalarText, value.mapping == nil, value.sequence == nil {
                        result[slot].tags = [text]
                    } else if let items = value.sequence, items.allSatisfy({ $0.scalarText != nil }) {
                        result[slot].tags = items.compactMap(\.scalarText)
                    } else {
                        try mismatch(key, value, "a list of strings")
                    }
                case "tests", "data_tests":
                    guard let items = value.sequence else { try mismatch(key, value, "a list") }
                    for item in items { result[slot].tests.append(try TestDefinitionDecoder().decode(item)) }
                case "constraints", "policy_tags", "config", "granularity":
                    continue
                default:
                    warnings.append(
                        mapping.entries[position].key.diagnostic(
                            "unknown key '\(key)' in \(context)", severity: .warning,
                            hint: Suggestions.hint(for: key, in: Self.columnKeys.sorted())))
                }
            }
        }
        return result
    }

    /// `tests:` and `data_tests:` (dbt's newer spelling); both may appear and add up.
    private func tests(_ reader: inout YAMLMappingReader, warnings: inout [Diagnostic]) throws(DiagnosticError) -> [TestDefinition] {
        var result: [TestDefinition] = []
        for key in ["data_tests", "tests"] {
            for node in try reader.list(key) ?? [] {
                result.append(try TestDefinitionDecoder().decode(node))
            }
        }
        return result
    }

    private func rendered(_ reader: inout YAMLMappingReader, _ key: String) throws(DiagnosticError) -> String? {
        guard let node = reader.node(key), !node.isNull else { return nil }
        guard let text = node.scalarText else { throw reader.mismatch(key, node, expected: "a string") }
        if TemplateSyntax.hasTags(text) { return try renderer.render(text, at: node) }
        return text
    }

    private func dict(_ reader: inout YAMLMappingReader, _ key: String) throws(DiagnosticError) -> [String: ConfigValue] {
        guard let node = reader.node(key), !node.isNull else { return [:] }
        guard node.mapping != nil, case .dict(let entries) = try node.configValue(render: renderer, rawKeys: Self.rawKeys) else {
            throw reader.mismatch(key, node, expected: "a mapping")
        }
        return entries
    }
}
