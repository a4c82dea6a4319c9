/// The condition that pairs a target row with a source row by unique key, plus the
/// `incremental_predicates`, shared by delete+insert and merge so that both match the same rows.
struct KeyMatch: Sendable, Hashable {
    var uniqueKey: [String]
    var predicates: [String]
    /// Whether NULL key parts match each other (`is not distinct from` / `is`); with `false`,
    /// plain `=` lets the planner use indexes but rows with NULL key parts never match.
    var nullSafe: Bool

    func validate(statement: String) throws(SQLRenderError) {
        guard !uniqueKey.isEmpty else {
            throw SQLRenderError("\(statement) needs a unique_key", hint: "set unique_key to a column or a list of columns")
        }
        if let empty = uniqueKey.firstIndex(where: { $0.isEmpty }) {
            throw SQLRenderError("\(statement): unique_key entry \(empty + 1) is empty")
        }
    }

    /// Whether the null-safe match is split in two on this dialect: PostgreSQL cannot hash or
    /// merge-join `is not distinct from`, so a match on it runs as a nested loop (target rows ×
    /// source rows: minutes at 500,000 × 60,000). Split, the bulk of the rows match with plain `=`
    /// (a hash join) and only source rows with a NULL key part use the null-safe condition.
    func splitsNullSafeMatch(_ dialect: SQLDialect) -> Bool {
        nullSafe && dialect.kind == .postgres
    }

    /// `"dbt_internal_source"."k1" is null or "dbt_internal_source"."k2" is null`.
    func sourceHasNullKeyPart(_ dialect: SQLDialect) -> String {
        let source = dialect.quoteIdentifier(IncrementalAliases.source)
        return uniqueKey.map { source + "." + dialect.quoteIdentifier($0) + " is null" }.joined(separator: " or ")
    }

    /// The match with plain `=` whatever `nullSafe` says (see `splitsNullSafeMatch`).
    func renderedWithEquality(_ dialect: SQLDialect) -> String {
        rendered(dialect, equality: "=")
    }

    /// `delete from <target> as dest using (<source rows with a NULL key part>) as source where
    /// <null-safe match>`: the first half of a split match (see `splitsNullSafeMatch`). Its nested
    /// loop runs over those source rows only, usually none.
    func deleteNullKeyMatches(target: RelationName, source: SQLSource, _ dialect: SQLDialect) -> String {
        let alias = dialect.quoteIdentifier(IncrementalAliases.source)
        return "delete from " + target.rendered(dialect) + " as " + dialect.quoteIdentifier(IncrementalAliases.target)
            + "\nusing (\n  select * from " + source.rendered(dialect, alias: IncrementalAliases.source)
            + "\n  where " + sourceHasNullKeyPart(dialect) + "\n) as " + alias
            + "\nwhere " + rendered(dialect)
    }

    /// `"dbt_internal_dest"."k" is not distinct from "dbt_internal_source"."k" and ... and (predicate)`.
    func rendered(_ dialect: SQLDialect) -> String {
        rendered(dialect, equality: nullSafe ? dialect.nullSafeEqualityOperator : "=")
    }

    private func rendered(_ dialect: SQLDialect, equality: String) -> String {
        let target = dialect.quoteIdentifier(IncrementalAliases.target)
        let source = dialect.quoteIdentifier(IncrementalAliases.source)
        let keys = uniqueKey.map { column in
            let quoted = dialect.quoteIdentifier(column)
            return "\(target).\(quoted) \(equality) \(source).\(quoted)"
        }
        let extra = predicates.filter { !$0.allSatisfy(\.isWhitespace) }.map { "(" + $0 + ")" }
        return (keys + extra).joined(separator: "\n    and ")
    }
}
