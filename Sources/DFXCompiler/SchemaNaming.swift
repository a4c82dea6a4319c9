import DFXBasics
import DFXProject

/// dbt's default naming of a node's schema, alias and database, for when the project does not
/// override `generate_schema_name`, `generate_alias_name` or `generate_database_name`.
///
/// A custom schema is appended to the target's schema (`analytics` + `marts` → `analytics_marts`),
/// so that developers sharing a warehouse never write into each other's schemas.
public enum SchemaNaming {
    public static func defaultSchema(custom: String?, targetSchema: String) -> String {
        guard let custom = custom?.trimmingSpaces, !custom.isEmpty else { return targetSchema }
        return targetSchema + "_" + custom
    }

    public static func defaultAlias(custom: String?, nodeName: String) -> String {
        guard let custom = custom?.trimmingSpaces, !custom.isEmpty else { return nodeName }
        return custom
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
