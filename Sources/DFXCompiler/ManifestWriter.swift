import DFXBasics
import DFXProject
import DFXSQL
import Foundation

/// Writes `manifest.json` with dbt's (v12) field names where dfx has the data, so tools that read
/// dbt manifests (lineage, catalogs, orchestrators) read dfx's.
public struct ManifestWriter: Sendable {
    public let manifest: Manifest
    /// Compiled SQL by unique ID, for the nodes compiled in this invocation.
    public let compiled: [String: String]
    /// `target/compiled/...` paths by unique ID, relative to the project root.
    public let compiledPaths: [String: String]
    public let parentMap: [String: [String]]
    public let childMap: [String: [String]]
    public let generatedAt: String
    public let dfxVersion: String
    /// The target's dialect, for relation names.
    let dialect: SQLDialect

    public init(
        manifest: Manifest, compiled: [String: String], compiledPaths: [String: String], parentMap: [String: [String]],
        childMap: [String: [String]], generatedAt: String, dfxVersion: String
    ) {
        self.manifest = manifest
        self.compiled = compiled
        self.compiledPaths = compiledPaths
        self.parentMap = parentMap
        self.childMap = childMap
        self.generatedAt = generatedAt
        self.dfxVersion = dfxVersion
        self.dialect = SQLDialectName.dialect(for: manifest.target.type)
    }

    /// The whole manifest as bytes (for tests and small projects).
    public func bytes() -> [UInt8] {
        var result: [UInt8] = []
        write { chunk in result.append(contentsOf: chunk) }
        return result
    }

    /// Writes the manifest in chunks of about a megabyte to `sink`, so that a 10,000-model
    /// manifest (tens of megabytes) is never held in memory whole.
    public func write(_ sink: ([UInt8]) -> Void) {
        var json = JSONWriter(reservingCapacity: 2 << 20)
        writeHead(into: &json)
        sink(json.takeBytes())
        // Nodes are most of the manifest: their JSON is produced in batches on all cores, then
        // written in order, a batch at a time.
        let batches = nodeBatches()
        let window = max(2, System.processorCount)
        for group in stride(from: 0, to: batches.count, by: window) {
            let ranges = Array(batches[group..<min(group + window, batches.count)])
            let fragments = ranges.concurrentMap { range in
                nodeFragment(range) { node in compiled[node.uniqueID].map { ($0, compiledPaths[node.uniqueID]) } }
            }
            for fragment in fragments {
                json.rawMembers(fragment)
                sink(json.takeBytes())
            }
        }
        writeTail(into: &json)
        sink(json.takeBytes())
    }

    /// The ranges of `manifest.nodes` whose JSON `nodeFragment` produces, in order.
    public func nodeBatches(size: Int = 256) -> [Range<Int>] {
        stride(from: 0, to: manifest.nodes.count, by: size).map { start in start..<min(start + size, manifest.nodes.count) }
    }

    /// The manifest up to the members of its `nodes` object: `{"metadata":{…},"nodes":{`. Write
    /// `nodeFragment`s with `JSONWriter.rawMembers`, then `writeTail`.
    public func writeHead(into json: inout JSONWriter) {
        json.beginObject()
        json.key("metadata")
        json.beginObject()
        json.key("dbt_schema_version"); json.string("https://schemas.getdbt.com/dbt/manifest/v12.json")
        json.key("dbt_version"); json.string(dfxVersion)
        json.key("dfx_version"); json.string(dfxVersion)
        json.key("generated_at"); json.string(generatedAt)
        json.key("invocation_id"); json.string(manifest.invocationID)
        json.key("project_name"); json.string(manifest.projectName)
        json.key("adapter_type"); json.string(manifest.target.type)
        json.key("env"); json.beginObject(); json.endObject()
        json.endObject()
        json.key("nodes")
        json.beginObject()
    }

    /// The members of the `nodes` object for `manifest.nodes[range]` (sources are written later,
    /// in their own section), each with its compiled SQL and path when `compiledSQL` has them.
    public func nodeFragment(_ range: Range<Int>, compiledSQL: (Node) -> (sql: String, path: String?)?) -> [UInt8] {
        var part = JSONWriter.members(reservingCapacity: 1 << 20)
        var configs = ConfigJSONCache()
        for index in range where manifest.nodes[index].resourceType != .source {
            let node = manifest.nodes[index]
            part.dynamicKey(node.uniqueID)
            writeNode(node, compiled: compiledSQL(node), configs: &configs, into: &part)
        }
        return part.bytes
    }

    /// What follows the last node fragment, as bytes (see `writeTail`): the manifest's end for a
    /// caller that wrote the head and the fragments itself.
    public func tail() -> [UInt8] {
        // `writeTail` closes the `nodes` object the head opened: a writer that wrote the head (a few
        // hundred bytes, dropped) is at that nesting.
        var json = JSONWriter(reservingCapacity: 1 << 20)
        writeHead(into: &json)
        _ = json.takeBytes()
        writeTail(into: &json)
        return json.takeBytes()
    }

    /// Closes `nodes` and writes every other section: sources, macros, docs, disabled nodes and
    /// the parent and child maps.
    public func writeTail(into json: inout JSONWriter) {
        json.endObject()

        var configs = ConfigJSONCache()
        json.key("sources")
        json.beginObject()
        for node in manifest.nodes where node.resourceType == .source {
            json.dynamicKey(node.uniqueID)
            writeSource(node, configs: &configs, into: &json)
        }
        json.endObject()

        json.key("macros")
        json.beginObject()
        for macro in manifest.macros {
            json.dynamicKey(macro.uniqueID)
            json.beginObject()
            json.key("name"); json.string(macro.name)
            json.key("resource_type"); json.string("macro")
            json.key("package_name"); json.string(macro.packageName)
            json.key("path"); json.string(macro.originalFilePath)
            json.key("original_file_path"); json.string(macro.originalFilePath)
            json.key("unique_id"); json.string(macro.uniqueID)
            json.key("line"); json.int(macro.location.line)
            json.endObject()
        }
        json.endObject()

        json.key("docs")
        json.beginObject()
        for name in manifest.docs.keys.sorted() {
            guard let block = manifest.docs[name] else { continue }
            let id = "doc.\(block.packageName).\(name)"
            json.dynamicKey(id)
            json.beginObject()
            json.key("name"); json.string(name)
            json.key("resource_type"); json.string("doc")
            json.key("package_name"); json.string(block.packageName)
            json.key("path"); json.string(block.originalFilePath)
            json.key("original_file_path"); json.string(block.originalFilePath)
            json.key("unique_id"); json.string(id)
            json.key("block_contents"); json.string(block.text)
            json.endObject()
        }
        json.endObject()

        for empty in ["exposures", "metrics", "groups", "selectors", "semantic_models", "saved_queries", "unit_tests"] {
            json.dynamicKey(empty); json.beginObject(); json.endObject()
        }
        json.key("disabled")
        json.beginObject()
        for node in manifest.disabled {
            json.dynamicKey(node.uniqueID)
            json.beginArray()
            writeNode(node, compiled: nil, configs: &configs, into: &json)
            json.endArray()
        }
        json.endObject()
        json.key("parent_map"); writeMap(parentMap, into: &json)
        json.key("child_map"); writeMap(childMap, into: &json)
        json.key("group_map"); json.beginObject(); json.endObject()
        json.endObject()
    }

    private func writeMap(_ map: [String: [String]], into json: inout JSONWriter) {
        json.beginObject()
        for key in ByteOrder.sorted(Array(map.keys)) {
            json.dynamicKey(key)
            json.stringArray(map[key] ?? [])
        }
        json.endObject()
    }

    // Members every node writes the same, copied in one piece each.
    private static let languageSQL = Array(#""language":"sql""#.utf8)
    private static let noMetrics = Array(#""metrics":[]"#.utf8)
    private static let compiledTrue = Array(#""compiled":true"#.utf8)
    private static let extraCTEsInjected = Array(#""extra_ctes_injected":true,"extra_ctes":[]"#.utf8)

    /// What follows a column's description when it has no meta, type, quote flag or tags (most
    /// columns), copied in one piece: the same bytes the five members write.
    private static let plainColumnTail = Array(#""meta":{},"data_type":null,"constraints":[],"quote":null,"tags":[]"#.utf8)

    private func writeCommon(_ node: Node, configs: inout ConfigJSONCache, into json: inout JSONWriter) {
        json.key("database"); json.optionalString(node.database)
        json.key("schema"); json.string(node.schema)
        json.key("name"); json.string(node.name)
        json.key("resource_type"); json.string(node.resourceType.rawValue)
        json.key("package_name"); json.string(node.packageName)
        json.key("path"); json.string(node.path)
        json.key("original_file_path"); json.string(node.originalFilePath)
        json.key("unique_id"); json.string(node.uniqueID)
        json.key("fqn"); json.stringArray(node.fqn)
        json.key("description"); json.string(node.description)
        json.key("columns")
        json.beginObject()
        for column in node.columns {
            json.dynamicKey(column.name)
            json.beginObject()
            json.key("name"); json.string(column.name)
            json.key("description"); json.string(column.description)
            if column.meta.isEmpty, column.dataType == nil, column.quote == nil, column.tags.isEmpty {
                json.rawMembers(Self.plainColumnTail)
            } else {
                json.key("meta"); json.value(.dict(column.meta))
                json.key("data_type"); json.optionalString(column.dataType)
                json.key("constraints"); json.beginArray(); json.endArray()
                json.key("quote"); if let quote = column.quote { json.bool(quote) } else { json.null() }
                json.key("tags"); json.stringArray(column.tags)
            }
            json.endObject()
        }
        json.endObject()
        json.rawMembers(configs.members(for: node) { configMembers(node) })
    }

    /// `"meta":…,"tags":…,"config":{…}`: everything in them comes from the node's config and
    /// resource type, which most nodes share with others of their folder.
    private func configMembers(_ node: Node) -> [UInt8] {
        var json = JSONWriter.members(reservingCapacity: 512)
        let tags = node.tags
        let meta = node.meta
        json.key("meta"); json.value(.dict(meta))
        json.key("tags"); json.stringArray(tags)
        json.key("config"); writeConfig(node, tags: tags, meta: meta, into: &json)
        return json.bytes
    }

    /// The node's config with the keys dbt always writes (`enabled`, `tags`, `meta`, `materialized`,
    /// hooks, a test's `severity`), keys sorted, written without building a merged dictionary.
    private func writeConfig(_ node: Node, tags: [String], meta: [String: ConfigValue], into json: inout JSONWriter) {
        let config = node.config
        let isSource = node.resourceType == .source
        var defaults: [(key: String, value: ConfigValue)] = [
            ("enabled", .bool(node.isEnabled)), ("tags", .list(tags.map(ConfigValue.string))), ("meta", .dict(meta)),
        ]
        if !isSource {
            defaults.append(("materialized", .string(node.materialized)))
            if config["pre-hook"] == nil { defaults.append(("pre-hook", .list([]))) }
            if config["post-hook"] == nil { defaults.append(("post-hook", .list([]))) }
        }
        if node.resourceType == .test, config["severity"] == nil { defaults.append(("severity", .string("ERROR"))) }
        var keys = Array(config.keys)
        for entry in defaults where config[entry.key] == nil { keys.append(entry.key) }
        keys.sort()
        json.beginObject()
        for key in keys {
            json.dynamicKey(key)
            if let entry = defaults.first(where: { $0.key == key }) {
                json.value(entry.value)
            } else if let value = config[key] {
                json.value(value)
            }
        }
        json.endObject()
    }

    private func writeNode(
        _ node: Node, compiled: (sql: String, path: String?)?, configs: inout ConfigJSONCache, into json: inout JSONWriter
    ) {
        json.beginObject()
        writeCommon(node, configs: &configs, into: &json)
        json.key("alias"); json.string(node.alias)
        json.key("checksum")
        json.beginObject()
        json.key("name"); json.string(node.checksum.hasPrefix("path:") ? "path" : "sha256")
        json.key("checksum"); json.string(node.checksum.hasPrefix("path:") ? String(node.checksum.dropFirst(5)) : node.checksum)
        json.endObject()
        json.key("patch_path"); json.optionalString(node.patchPath)
        json.rawMembers(Self.languageSQL)
        json.key("raw_code"); json.string(node.rawCode)
        json.key("relation_name")
        if node.resourceType == .model || node.resourceType == .seed || node.resourceType == .snapshot, !node.isEphemeral {
            json.string(manifestRelationName(node))
        } else {
            json.null()
        }
        json.key("refs")
        json.beginArray()
        for reference in node.refs {
            json.beginObject()
            json.key("name"); json.string(reference.name)
            json.key("package"); json.optionalString(reference.package)
            json.key("version"); json.optionalString(reference.version)
            json.endObject()
        }
        json.endArray()
        json.key("sources")
        json.beginArray()
        for reference in node.sourceReferences { json.stringArray([reference.sourceName, reference.tableName]) }
        json.endArray()
        json.rawMembers(Self.noMetrics)
        json.key("depends_on")
        json.beginObject()
        json.key("macros"); json.stringArray(node.dependsOnMacros)
        json.key("nodes"); json.stringArray(node.dependsOnNodes)
        json.endObject()
        if let compiled {
            json.rawMembers(Self.compiledTrue)
            json.key("compiled_path"); json.optionalString(compiled.path)
            json.key("compiled_code"); json.string(compiled.sql)
            json.rawMembers(Self.extraCTEsInjected)
        }
        if let metadata = node.testMetadata {
            json.key("test_metadata")
            json.beginObject()
            json.key("name"); json.string(metadata.name)
            json.key("kwargs"); json.value(.dict(metadata.kwargs))
            json.key("namespace"); json.optionalString(metadata.namespace)
            json.endObject()
        }
        if node.resourceType == .test {
            json.key("column_name"); json.optionalString(node.columnName)
            json.key("attached_node"); json.optionalString(node.attachedNode)
            json.key("file_key_name"); json.optionalString(fileKeyName(node))
        }
        json.endObject()
    }

    /// dbt's `file_key_name` of a generic test: the properties section and the tested resource.
    private func fileKeyName(_ test: Node) -> String? {
        guard let attached = test.attachedNode.flatMap(manifest.node) else { return nil }
        switch attached.resourceType {
        case .source: return "sources." + (attached.sourceName ?? attached.name)
        default: return attached.resourceType.rawValue + "s." + attached.name
        }
    }

    private func writeSource(_ node: Node, configs: inout ConfigJSONCache, into json: inout JSONWriter) {
        json.beginObject()
        writeCommon(node, configs: &configs, into: &json)
        json.key("source_name"); json.optionalString(node.sourceName)
        json.key("source_description"); json.string("")
        json.key("identifier"); json.string(node.identifier ?? node.name)
        json.key("loaded_at_field"); json.optionalString(node.loadedAtField)
        json.key("freshness"); json.value(node.freshness ?? .null)
        json.key("relation_name"); json.string(manifestRelationName(node))
        json.endObject()
    }

    private func manifestRelationName(_ node: Node) -> String {
        dialect.relation(
            database: node.database, schema: node.schema,
            name: node.resourceType == .source ? (node.identifier ?? node.name) : node.alias)
    }
}
