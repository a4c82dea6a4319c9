/// `grant select on table <relation> to "role", ...` (dbt's `grants` config; `on table` covers
/// views too). The role `public` is written as the keyword, every other role as an identifier.
/// SQLite has no roles: it renders no statement (see `SQLDialect.supportsGrants`), and neither
/// does an empty role list.
public struct GrantStatement: SQLStatement, Hashable {
    public var privilege: Privilege
    public var relation: RelationName
    public var roles: [String]

    /// The privileges dfx grants; rendered as their keyword.
    public enum Privilege: String, Sendable, Hashable, CaseIterable {
        case select, insert, update, delete, truncate, references, trigger
    }

    public init(privilege: Privilege = .select, relation: RelationName, roles: [String]) {
        self.privilege = privilege
        self.relation = relation
        self.roles = roles
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        guard dialect.supportsGrants, !roles.isEmpty else { return [] }
        let grantees = roles.map { $0.lowercased() == "public" ? "public" : dialect.quoteIdentifier($0) }
        return [
            "grant " + privilege.rawValue + " on table " + relation.rendered(dialect) + " to "
                + grantees.joined(separator: ", ")
        ]
    }
}
