import DFXSQL

/// The SQL type of a seed column: inferred from every value, or given by `column_types`.
public enum SeedColumnType: Sendable, Hashable, CustomStringConvertible {
    /// Whole numbers without leading zeros or `+` that fit Int64.
    case integer
    /// Decimal numbers kept exactly as written (PostgreSQL numeric keeps the scale: `1.50` stays `1.50`).
    case decimal
    /// `true` / `false` in any letter case (never `0/1` or `yes/no`).
    case boolean
    /// `YYYY-MM-DD`, every value a real calendar date.
    case date
    /// `YYYY-MM-DD[ T]HH:MM:SS[.ffffff]`, without a UTC offset.
    case timestamp
    /// The same with `Z` or `±HH:MM` on every value.
    case timestampWithTimeZone
    /// Anything else, and every column whose values are all NULL.
    case text
    /// A `column_types` override: the SQL type exactly as configured, used on every dialect.
    case custom(String)

    /// The type name in `CREATE TABLE` on `dialect`.
    ///
    /// On SQLite, booleans are `integer` columns holding 1 and 0 (what SQLite's own `TRUE`/`FALSE`
    /// evaluate to, so `where flag` and `where flag = true` work); dates and timestamps are `text` in ISO
    /// 8601 form, which SQLite's date functions read and which sorts chronologically.
    public func sqlType(for dialect: SQLDialect) -> String {
        switch (self, dialect.kind) {
        case (.custom(let type), _): type
        case (.integer, .postgres): "bigint"
        case (.integer, .sqlite): "integer"
        case (.decimal, _): "numeric"
        case (.boolean, .postgres): "boolean"
        case (.boolean, .sqlite): "integer"
        case (.date, .postgres): "date"
        case (.timestamp, .postgres): "timestamp"
        case (.timestampWithTimeZone, .postgres): "timestamptz"
        case (.date, .sqlite), (.timestamp, .sqlite), (.timestampWithTimeZone, .sqlite): "text"
        case (.text, _): "text"
        }
    }

    /// The type's name in dfx's own words, for logs and test messages.
    public var description: String {
        switch self {
        case .integer: "integer"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .date: "date"
        case .timestamp: "timestamp"
        case .timestampWithTimeZone: "timestamp with time zone"
        case .text: "text"
        case .custom(let type): "custom(\(type))"
        }
    }
}
