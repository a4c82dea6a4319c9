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

    /// `"dbt_internal_dest"."k" is not distinct from "dbt_internal_source"."k" and ... and (predicate)`.
    func rendered(_ dialect: SQLDialect) -> String {
        let target = dialect.quoteIdentifier(IncrementalAliases.target)
        let source = dialect.quoteIdentifier(IncrementalAliases.source)
        let equality = nullSafe ? dialect.nullSafeEqualityOperator : "="
        let keys = uniqueKey.map { column in
            let quoted = dialect.quoteIdentifier(column)
            return "\(target).\(quoted) \(equality) \(source).\(quoted)"
        }
        let extra = predicates.filter { !$0.allSatisfy(\.isWhitespace) }.map { "(" + $0 + ")" }
        return (keys + extra).joined(separator: "\n    and ")
    }
}
