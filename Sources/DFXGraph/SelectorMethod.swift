/// A `method:` of a selector atom, spelled as dbt spells it.
public enum SelectorMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Fully qualified name: a node's name, a dotted path of package, folders and name, with wildcards.
    case fqn
    case tag
    /// A file or directory relative to the project root, with glob wildcards.
    case path
    /// A file name, with or without its extension.
    case file
    case package
    /// `config.<key>[.<key>…]:value`.
    case config
    case resourceType = "resource_type"
    /// `source:src`, `source:src.table`, `source:pkg.src.table`.
    case source
    case testType = "test_type"
    case testName = "test_name"

    /// dbt methods that need state, run results or resources dfx does not have.
    static let unsupported: [String] = [
        "state", "result", "source_status", "exposure", "metric", "version", "group", "access",
        "unit_test", "semantic_model", "saved_query", "selector", "wildcard",
    ]

    /// dbt's choice when no method is written: `path` if the value contains a `/`, `file` if it ends
    /// in `.sql`, `.py` or `.csv`, otherwise `fqn`.
    static func defaultMethod(for value: String) -> SelectorMethod {
        if value.contains("/") { return .path }
        let lower = value.lowercased()
        if lower.hasSuffix(".sql") || lower.hasSuffix(".py") || lower.hasSuffix(".csv") { return .file }
        return .fqn
    }
}
