import XCTest

/// One multi-day SCD2 scenario: project files, a source table, and for each day the changes made
/// to the source, the command run (with a pinned execution time) and the exact history expected
/// afterwards. Placeholders, replaced per backend: `{schema}` (the project's schema), `{name}` (a
/// relation in it, see `RunProject.expand`), `TS(text)` (a timestamp literal: typed on
/// PostgreSQL, ISO text on SQLite) and `TSTYPE` (the source's timestamp column type).
struct SCD2Scenario {
    struct Day {
        /// SQL run on the source before the command.
        var sql: [String] = []
        /// Files (re)written before the command.
        var files: [String: String] = [:]
        /// The command and its arguments (the execution time is appended).
        var command: [String] = ["snapshot"]
        /// The pinned execution time.
        var time: String
        /// The history rows after the command, `|`-separated, NULL as `∅`.
        var expected: [String]
        /// A text the failing command's output must contain; nil: the command must succeed.
        var failure: String? = nil
        /// A different history query for this day (columns added by then).
        var select: String? = nil
    }

    var name: String
    var files: [String: String]
    var setup: [String]
    /// The history query: columns in order, and an order.
    var select: String
    var days: [Day]
}

extension SCD2Scenario {
    static let sources = """
        version: 2
        sources:
          - name: raw
            schema: "{schema}"
            tables:
              - name: customers
              - name: regions
        """

    static let customersTable = [
        "create table {customers} (id integer, name text, updated_at TSTYPE)",
        "insert into {customers} values (1, 'a', TS(2024-01-01 08:00:00)), (2, 'b', TS(2024-01-01 08:00:00)), (3, 'c', TS(2024-01-01 08:00:00))",
    ]

    static let regionsTable = [
        "create table {regions} (id integer, region text, name text, updated_at TSTYPE)",
        "insert into {regions} values (1, 'eu', 'a', TS(2024-01-01 08:00:00)), (1, 'us', null, TS(2024-01-01 08:00:00)), "
            + "(2, 'eu', 'b', TS(2024-01-01 08:00:00)), (3, 'eu', 'c', TS(2024-01-01 08:00:00))",
    ]

    /// `case when <scd id> = md5(key|valid_from) then 'ok' else 'bad' end`: dbt's hash, checked row by row.
    static func scdCheck(key: [String], scdID: String = "dbt_scd_id", validFrom: String = "dbt_valid_from") -> String {
        let parts = (key + [validFrom]).map { "coalesce(cast(\($0) as varchar), '')" }.joined(separator: " || '|' || ")
        return "case when \(scdID) = md5(\(parts)) then 'ok' else 'bad' end"
    }
}
