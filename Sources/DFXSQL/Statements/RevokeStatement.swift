/// `revoke select on table <relation> from "role", ...`: takes back a grant that the `grants`
/// config no longer lists. Nothing on SQLite, or without roles (see `GrantStatement`).
public struct RevokeStatement: SQLStatement, Hashable {
    public var privilege: GrantStatement.Privilege
    public var relation: RelationName
    public var roles: [String]

    public init(privilege: GrantStatement.Privilege = .select, relation: RelationName, roles: [String]) {
        self.privilege = privilege
        self.relation = relation
        self.roles = roles
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        guard dialect.supportsGrants, !roles.isEmpty else { return [] }
        let grantees = roles.map { $0.lowercased() == "public" ? "public" : dialect.quoteIdentifier($0) }
        return [
            "revoke " + privilege.rawValue + " on table " + relation.rendered(dialect) + " from "
                + grantees.joined(separator: ", ")
        ]
    }
}
