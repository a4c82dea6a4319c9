/// `select pg_advisory_xact_lock(hashtext('"schema"."name"'))`: a lock on one relation's name,
/// held until the transaction ends, so that two dfx runs never swap the same relation at once.
/// The key is the rendered relation name, so every dfx process computes the same one; a named lock
/// (`AdvisoryLockStatement(name:)`, e.g. `viewSwaps`) hashes its name instead. SQLite renders no
/// statement: its `begin immediate` already serializes writers.
public struct AdvisoryLockStatement: SQLStatement, Hashable {
    /// What the lock is on.
    public enum Key: Hashable, Sendable {
        case relation(RelationName)
        case name(String)
    }

    public var key: Key

    public init(relation: RelationName) {
        key = .relation(relation)
    }

    public init(name: String) {
        key = .name(name)
    }

    /// The lock every swap that drops, creates or replaces views takes first, in every dfx process:
    /// such swaps touch relations besides their own (the views' parents and dependents), so two of
    /// them at once could each wait for the other; serialized, they cannot.
    public static let viewSwaps = AdvisoryLockStatement(name: "dfx: swaps that touch views")

    public func render(_ dialect: SQLDialect) -> [String] {
        guard dialect.supportsAdvisoryLocks else { return [] }
        let text: String
        switch key {
        case .relation(let relation): text = relation.rendered(dialect)
        case .name(let name): text = name
        }
        return ["select pg_advisory_xact_lock(hashtext(" + dialect.quoteLiteral(text) + "))"]
    }
}
