/// `lock table <relation> in access exclusive mode`: taken at the start of a swap (after the
/// advisory lock), so that no other session can create a view on the relation, read it or swap it
/// until the swap commits; the list of dependent views read afterwards cannot go stale. A view is
/// locked with the same statement (PostgreSQL's `lock table` accepts views). SQLite renders no
/// statement: `begin immediate` already excludes other writers.
public struct LockRelationStatement: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        guard dialect.supportsAdvisoryLocks else { return [] }
        return ["lock table " + relation.rendered(dialect) + " in access exclusive mode"]
    }
}
