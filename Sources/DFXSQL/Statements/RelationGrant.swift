/// One privilege a role holds on a relation, found by `ListGrantsQuery`.
public struct RelationGrant: Sendable, Hashable {
    /// The role, as the catalog spells it (`PUBLIC` for everyone).
    public var grantee: String
    /// Lower case: `select`, `insert`, ...
    public var privilege: String

    public init(grantee: String, privilege: String) {
        self.grantee = grantee
        self.privilege = privilege
    }
}
