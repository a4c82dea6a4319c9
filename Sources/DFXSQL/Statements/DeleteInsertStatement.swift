/// The delete+insert incremental strategy: delete every target row that has a source row with the
/// same unique key, then insert all source rows. Two statements; run them in one transaction.
///
/// ```
/// delete from <target> as "dbt_internal_dest"
/// where exists (
///   select 1 from <source> as "dbt_internal_source"
///   where <dest>."k1" is not distinct from <source>."k1" and ... and (<predicate>) ...
/// )
/// insert into <target> (<columns>) select <columns> from <source>
/// ```
///
/// The key may be composite; with `nullSafe` (the default) key parts that are NULL on both sides
/// match, so a source row with a NULL key part replaces its old version instead of duplicating it.
/// On PostgreSQL that match is split so that the planner can hash-join (see `KeyMatch`): the first
/// delete matches with `=`, a second one handles source rows with a NULL key part.
/// `incrementalPredicates` are ANDed to the match condition and may use the aliases of
/// `IncrementalAliases`.
public struct DeleteInsertStatement: SQLStatement, Hashable {
    public var target: RelationName
    public var source: SQLSource
    public var uniqueKey: [String]
    /// The columns to insert, in the target's order.
    public var columns: [String]
    public var incrementalPredicates: [String]
    public var nullSafe: Bool

    public init(
        target: RelationName, source: SQLSource, uniqueKey: [String], columns: [String],
        incrementalPredicates: [String] = [], nullSafe: Bool = true
    ) {
        self.target = target
        self.source = source
        self.uniqueKey = uniqueKey
        self.columns = columns
        self.incrementalPredicates = incrementalPredicates
        self.nullSafe = nullSafe
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        let match = KeyMatch(uniqueKey: uniqueKey, predicates: incrementalPredicates, nullSafe: nullSafe)
        try match.validate(statement: "delete+insert into \(target)")
        let split = match.splitsNullSafeMatch(dialect)
        let delete =
            "delete from " + target.rendered(dialect) + " as " + dialect.quoteIdentifier(IncrementalAliases.target)
            + "\nwhere exists (\n  select 1\n  from " + source.rendered(dialect, alias: IncrementalAliases.source)
            + "\n  where " + (split ? match.renderedWithEquality(dialect) : match.rendered(dialect)) + "\n)"
        let insert = try InsertSelectStatement(relation: target, columns: columns, source: source).render(dialect)
        return [delete] + (split ? [match.deleteNullKeyMatches(target: target, source: source, dialect)] : []) + insert
    }
}
