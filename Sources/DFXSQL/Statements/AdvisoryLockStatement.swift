/// `select pg_advisory_xact_lock(hashtext('"schema"."name"'))`: a lock on one relation's name,
/// held until the transaction ends, so that two dfx runs never swap the same relation at once.
/// The key is the rendered relation name, so every dfx process computes the same one. SQLite
/// renders no statement: its `begin immediate` already serializes writers.
public struct AdvisoryLockStatement: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        guard dialect.supportsAdvisoryLocks else { return [] }
        return ["select pg_advisory_xact_lock(hashtext(" + dialect.quoteLiteral(relation.rendered(dialect)) + "))"]
    }
}
