import DFXBasics
import DFXCompiler
import DFXSQL
import DFXTemplate

/// A model's `pre-hook` / `post-hook` SQL, rendered with `this` (the model's relation) and the
/// project's globals (`target`, `var`, `env_var`, macros). Hooks run outside the swap transaction:
/// pre-hooks before the build, post-hooks after the relation is in place.
struct NodeHooks {
    let pre: [String]
    let post: [String]

    init(node: Node, manifest: Manifest, dialect: SQLDialect, relation: RelationName) throws(DiagnosticError) {
        let this = RelationValue(
            database: nil, schema: relation.schema, identifier: relation.name, dialect: dialect,
            type: node.materialized == "view" ? "view" : "table")
        let context: [String: Value] = ["this": .object(this)]
        func render(_ key: String) throws(DiagnosticError) -> [String] {
            var rendered: [String] = []
            for text in Self.texts(node.config[key]) {
                let template = try manifest.environment.compile(text, path: node.originalFilePath)
                let sql = try manifest.environment.render(template, context: context)
                if !sql.allSatisfy(\.isWhitespace) { rendered.append(sql) }
            }
            return rendered
        }
        pre = try render("pre-hook")
        post = try render("post-hook")
    }

    /// The hook texts of a config value: a string, `{sql: ...}`, or a list of either.
    static func texts(_ value: ConfigValue?) -> [String] {
        switch value {
        case .list(let items)?: return items.flatMap { texts($0) }
        case .dict(let entries)?: return entries["sql"]?.scalarText.map { [$0] } ?? []
        case let value?: return value.scalarText.map { [$0] } ?? []
        case nil: return []
        }
    }
}
