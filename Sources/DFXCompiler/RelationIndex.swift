import DFXBasics
import DFXProject
import DFXSQL
import DFXTemplate

/// Where `ref()` and `source()` point: the relation of every refable node and source table,
/// built once per invocation and shared read-only by every render.
public struct RelationIndex: Sendable {
    struct Entry: Sendable {
        var uniqueID: String
        var packageName: String
        var relation: RelationValue
        /// `relation` as a template value, boxed once and shared by every render that refers to it.
        var value: Value

        init(uniqueID: String, packageName: String, relation: RelationValue) {
            self.uniqueID = uniqueID
            self.packageName = packageName
            self.relation = relation
            self.value = .object(relation)
        }
    }

    var byName: [String: [Entry]] = [:]
    var sources: [String: Entry] = [:]
    /// Names of every refable node and `source.table`, for suggestions.
    var refNames: [String] { Array(byName.keys) }
    var sourceNames: [String] { Array(sources.keys) }

    init() {}

    init(nodes: [Node], dialect: SQLDialect) {
        for node in nodes {
            switch node.resourceType {
            case .model, .seed, .snapshot:
                let type: String
                switch node.materialized {
                case "ephemeral": type = "cte"
                case "view": type = "view"
                default: type = "table"
                }
                let identifier = type == "cte" ? "__dbt__cte__" + node.name : node.alias
                let relation = RelationValue(
                    database: node.database, schema: type == "cte" ? nil : node.schema, identifier: identifier,
                    dialect: dialect, type: type)
                byName[node.name, default: []].append(Entry(uniqueID: node.uniqueID, packageName: node.packageName, relation: relation))
            case .source:
                guard let source = node.sourceName else { continue }
                let relation = RelationValue(
                    database: node.database, schema: node.schema, identifier: node.identifier ?? node.name,
                    dialect: dialect, type: "table")
                sources[source + "." + node.name] = Entry(uniqueID: node.uniqueID, packageName: node.packageName, relation: relation)
            default:
                continue
            }
        }
    }

    /// The node `ref(package, name)` points at, if any (`resolve` says why not).
    func entry(named name: String, package: String?) -> Entry? {
        guard let candidates = byName[name] else { return nil }
        guard let package else { return candidates.first }
        return candidates.first { $0.packageName == package }
    }

    /// The source table `source(sourceName, tableName)` points at, if any.
    func entry(source sourceName: String, table tableName: String) -> Entry? {
        sources[sourceName + "." + tableName]
    }

    /// The node a `ref` points at, or a diagnostic naming near names.
    func resolve(_ reference: Reference) -> Result<Entry, Diagnostic> {
        let candidates = byName[reference.name] ?? []
        let matching = reference.package.map { package in candidates.filter { $0.packageName == package } } ?? candidates
        if let entry = matching.first { return .success(entry) }
        var hint = Suggestions.hint(for: reference.name, in: refNames)
        if hint == nil, !refNames.isEmpty { hint = "a ref names a model, seed or snapshot by its file name without extension" }
        let display = reference.package.map { "'\($0)', '\(reference.name)'" } ?? "'\(reference.name)'"
        return .failure(
            Diagnostic(.error, "ref(\(display)) points at no model, seed or snapshot", at: reference.location, length: 3, hint: hint))
    }

    /// The source table a `source` call points at, or a diagnostic naming near names.
    func resolve(_ reference: SourceReference) -> Result<Entry, Diagnostic> {
        let key = reference.sourceName + "." + reference.tableName
        if let entry = sources[key] { return .success(entry) }
        let hint = Suggestions.hint(for: key, in: sourceNames)
            ?? "declare it under 'sources:' in a properties .yml file under the model paths"
        return .failure(
            Diagnostic(
                .error, "source('\(reference.sourceName)', '\(reference.tableName)') is not declared", at: reference.location,
                length: 6, hint: hint))
    }
}
