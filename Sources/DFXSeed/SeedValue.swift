/// One seed value typed for binding to a SQLite statement parameter.
///
/// Integers bind as `.integer`, booleans as `.integer` 1/0, decimals as `.real`, NULL as `.null`;
/// dates, timestamps, text and `column_types` columns bind as `.text` (SQLite then applies the declared
/// type's affinity, as it would to a literal).
public enum SeedValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
