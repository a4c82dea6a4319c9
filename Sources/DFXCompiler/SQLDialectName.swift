import DFXSQL

/// The dialect of a target type, defaulting to PostgreSQL's for an unknown type (already reported).
enum SQLDialectName {
    static func dialect(for targetType: String) -> SQLDialect { SQLDialect(targetType: targetType) ?? .postgres }
}
