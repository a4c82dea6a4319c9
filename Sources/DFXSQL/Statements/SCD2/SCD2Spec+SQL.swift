/// The SQL fragments the SCD2 statements share, each rendered for a dialect.
extension SCD2Spec {
    /// Aliases used in the statements (unquoted).
    enum Alias {
        static let source = "dfx_source"
        static let current = "dfx_current"
        static let history = "dfx_history"
        static let changes = "dfx_changes"
    }

    /// Columns of the changes table beside the source's (unquoted).
    enum ChangeColumn {
        static let action = "dfx_action"
        static let closedSCDID = "dfx_closed_scd_id"
        static let timestamp = "dfx_ts"
        static let validFrom = "dfx_valid_from"
        static let previous = "dfx_previous"
    }

    /// The execution time as a typed literal: `cast('2026-11-22 08:00:00' as timestamp)` on
    /// PostgreSQL (`timeType`; a zoned type gets `+00`), plain text on SQLite (ISO text).
    func time(_ dialect: SQLDialect) -> String {
        timeLiteral(executionTime, dialect)
    }

    /// 1970-01-01 00:00:00 in the same form.
    func epoch(_ dialect: SQLDialect) -> String {
        timeLiteral("1970-01-01 00:00:00", dialect)
    }

    private func timeLiteral(_ text: String, _ dialect: SQLDialect) -> String {
        switch dialect.kind {
        case .postgres:
            // A time zone-aware type reads the literal as UTC, never in the session's time zone.
            let type = timeType.lowercased()
            let zoned = type == "timestamptz" || type.contains("with time zone")
            return "cast(" + dialect.quoteLiteral(zoned ? text + "+00" : text) + " as " + timeType + ")"
        case .sqlite:
            return dialect.quoteLiteral(text)
        }
    }

    /// `alias."column"`.
    func column(_ alias: String, _ name: String, _ dialect: SQLDialect) -> String {
        dialect.quoteIdentifier(alias) + "." + dialect.quoteIdentifier(name)
    }

    /// `left."k1" = right."k1" and ...`.
    func keyJoin(_ left: String, _ right: String, _ dialect: SQLDialect) -> String {
        uniqueKey.map { column(left, $0, dialect) + " = " + column(right, $0, dialect) }.joined(separator: " and ")
    }

    /// Whether the row `alias` is current: its valid-to is NULL (or `validToCurrent`).
    func isCurrent(_ alias: String, _ dialect: SQLDialect) -> String {
        let validTo = column(alias, meta.validTo, dialect)
        guard let current = validToCurrent else { return validTo + " is null" }
        return "(" + validTo + " = " + current + " or " + validTo + " is null)"
    }

    /// The valid-to value of a new current row.
    var currentValidTo: String { validToCurrent ?? "null" }

    /// dbt's `snapshot_hash_arguments`: `md5(coalesce(cast(a as varchar), '') || '|' || ...)`.
    func hash(_ expressions: [String]) -> String {
        "md5(" + expressions.map { "coalesce(cast(" + $0 + " as varchar), '')" }.joined(separator: " || '|' || ") + ")"
    }

    /// The operator for "differs, NULL-safely".
    func distinct(_ dialect: SQLDialect) -> String {
        switch dialect.kind {
        case .postgres: "is distinct from"
        case .sqlite: "is not"
        }
    }

    /// The timestamp that dates a source row's version: its `updatedAt` column, else the execution time.
    func rowTimestamp(_ alias: String, _ dialect: SQLDialect) -> String {
        updatedAtColumn.map { column(alias, $0, dialect) } ?? time(dialect)
    }

    /// The meta columns in order, quoted.
    func quotedMeta(_ dialect: SQLDialect) -> [String] {
        metaColumnNames.map(dialect.quoteIdentifier)
    }
}
