/// Dates a returning key after its history: a key with no current version (deleted, then back in
/// the source) whose timestamp is not later than the end of one of its closed versions opens at the
/// execution time instead, so the new version never overlaps the old ones (dbt re-opens it at the
/// old `updated_at`, overlapping and repeating its scd id).
///
/// `update <changes> set dfx_valid_from = <execution time> where dfx_action = 'upsert' and exists
/// (a closed version of the key ending at or after dfx_valid_from)`. It runs on the changes only,
/// through the (key, valid-to) index, so its cost follows the number of changes, not the history.
/// A key whose current version was compared already ends after every closed one, so only returning
/// keys can match.
public struct SCD2ReopenStatement: SQLStatement, Hashable {
    public var spec: SCD2Spec
    public var changes: RelationName

    public init(spec: SCD2Spec, changes: RelationName) {
        self.spec = spec
        self.changes = changes
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        try spec.validate()
        typealias A = SCD2Spec.Alias
        typealias C = SCD2Spec.ChangeColumn
        let q = dialect.quoteIdentifier
        let validTo = spec.column(A.history, spec.meta.validTo, dialect)
        return [
            "update " + changes.rendered(dialect) + " as " + q(A.changes) + "\nset " + q(C.validFrom) + " = " + spec.time(dialect)
                + "\nwhere " + spec.column(A.changes, C.action, dialect) + " = 'upsert'\n    and exists (\n        select 1\n        from "
                + spec.target.rendered(dialect) + " as " + q(A.history) + "\n        where " + spec.keyJoin(A.history, A.changes, dialect)
                + "\n            and " + validTo + " >= " + spec.column(A.changes, C.validFrom, dialect) + "\n            and not "
                + spec.isCurrent(A.history, dialect) + "\n    )"
        ]
    }
}
