/// The privileges the current role granted to other roles on a relation: rows of (grantee,
/// privilege), for re-applying the `grants` config (revoke what it no longer lists). Decode with
/// `decode(_:)`. PostgreSQL reads information_schema.role_table_grants; SQLite has no roles and
/// renders no statement (no rows).
public struct ListGrantsQuery: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        guard dialect.supportsGrants else { return [] }
        let schema = relation.schema.flatMap { $0.isEmpty ? nil : dialect.quoteLiteral($0) } ?? "current_schema()"
        return [
            """
            select grantee, lower(privilege_type)
            from information_schema.role_table_grants
            where grantor = current_role and grantee <> current_role
              and table_schema = \(schema) and table_name = \(dialect.quoteLiteral(relation.name))
            order by grantee, privilege_type
            """
        ]
    }

    /// The grants in the query's rows; rows with a NULL are skipped.
    public static func decode(_ rows: [[String?]]) -> [RelationGrant] {
        rows.compactMap { row in
            guard row.count >= 2, let grantee = row[0], let privilege = row[1] else { return nil }
            return RelationGrant(grantee: grantee, privilege: privilege)
        }
    }
}
