/// The merge incremental strategy: update target rows that match a source row by unique key,
/// insert the source rows that match none.
///
/// PostgreSQL (15+, see `SQLDialect.supportsMerge`): `merge into ... using ... on ... when matched
/// then update set ... when not matched then insert ...`, matching with `=`; when the match is
/// null-safe (the default) a `delete` first removes the target rows that a source row with a NULL
/// key part replaces (they are then inserted), so NULL key parts still match each other while the
/// merge stays a hash join. (For those rows, `merge_update_columns` does not apply: the whole row
/// is replaced.)
///
/// SQLite has no MERGE. Its `insert ... on conflict do update` needs a unique index on the key,
/// which an existing table with duplicate keys cannot get and which never treats NULL keys as
/// equal; so dfx renders two statements with the same null-safe match condition instead, to run in
/// one transaction: first `insert ... select ... where not exists (matching target row)`, then
/// `update <target> set ... from <source> where <match>`. Inserting first means the update is
/// decided on the rows as they were, as MERGE does, even when a predicate reads a column that the
/// update changes (rows just inserted are updated to the values they already hold).
///
/// `updateColumns` (dbt's `merge_update_columns`) defaults to every column outside the unique key;
/// when it is empty, matched rows are left alone.
public struct MergeStatement: SQLStatement, Hashable {
    public var target: RelationName
    public var source: SQLSource
    public var uniqueKey: [String]
    /// The columns to insert, in the target's order.
    public var columns: [String]
    /// The columns set on matched rows; nil for all columns outside the unique key.
    public var updateColumns: [String]?
    public var incrementalPredicates: [String]
    public var nullSafe: Bool

    public init(
        target: RelationName, source: SQLSource, uniqueKey: [String], columns: [String],
        updateColumns: [String]? = nil, incrementalPredicates: [String] = [], nullSafe: Bool = true
    ) {
        self.target = target
        self.source = source
        self.uniqueKey = uniqueKey
        self.columns = columns
        self.updateColumns = updateColumns
        self.incrementalPredicates = incrementalPredicates
        self.nullSafe = nullSafe
    }

    /// The columns a matched row gets from its source row.
    public var effectiveUpdateColumns: [String] {
        updateColumns ?? columns.filter { !uniqueKey.contains($0) }
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        let match = KeyMatch(uniqueKey: uniqueKey, predicates: incrementalPredicates, nullSafe: nullSafe)
        try match.validate(statement: "merge into \(target)")
        guard !columns.isEmpty else { throw SQLRenderError("merge into \(target) needs at least one column") }
        let source = dialect.quoteIdentifier(IncrementalAliases.source)
        let assignments = effectiveUpdateColumns.map { column in
            dialect.quoteIdentifier(column) + " = " + source + "." + dialect.quoteIdentifier(column)
        }.joined(separator: ", ")
        let insertList = columns.map(dialect.quoteIdentifier).joined(separator: ", ")
        let sourceValues = columns.map { source + "." + dialect.quoteIdentifier($0) }.joined(separator: ", ")
        let destAlias = " as " + dialect.quoteIdentifier(IncrementalAliases.target)
        let from = self.source.rendered(dialect, alias: IncrementalAliases.source)

        if dialect.supportsMerge {
            // Null-safe on PostgreSQL: rows whose key has a NULL part are replaced by a delete
            // first (they then match nothing and are inserted); the merge itself matches with `=`,
            // which PostgreSQL can hash-join (see KeyMatch.splitsNullSafeMatch).
            let split = match.splitsNullSafeMatch(dialect)
            var sql = "merge into " + target.rendered(dialect) + destAlias + "\nusing " + from
                + "\non " + (split ? match.renderedWithEquality(dialect) : match.rendered(dialect))
            if !assignments.isEmpty { sql += "\nwhen matched then update set " + assignments }
            sql += "\nwhen not matched then insert (" + insertList + ")\nvalues (" + sourceValues + ")"
            return (split ? [match.deleteNullKeyMatches(target: target, source: self.source, dialect)] : []) + [sql]
        }
        let insert = "insert into " + target.rendered(dialect) + " (" + insertList + ")\nselect " + sourceValues
            + "\nfrom " + from + "\nwhere not exists (\n  select 1\n  from " + target.rendered(dialect) + destAlias
            + "\n  where " + match.rendered(dialect) + "\n)"
        guard !assignments.isEmpty else { return [insert] }
        let update = "update " + target.rendered(dialect) + destAlias + "\nset " + assignments + "\nfrom " + from
            + "\nwhere " + match.rendered(dialect)
        return [insert, update]
    }
}
