/// One value in a row read from, or a parameter bound to, a warehouse statement.
///
/// Values that have no exact Swift counterpart keep the warehouse's own text, so nothing is lost
/// in decoding: `decimal` holds PostgreSQL's `numeric` text (`"12.50"`, `"NaN"`), `date` holds
/// ISO `YYYY-MM-DD`, `timestamp` holds `YYYY-MM-DD HH:MM:SS[.ffffff]`, `timestampWithTimeZone`
/// adds the offset the session prints (`+00`), and `json` holds the document text. Bound as a
/// parameter, each of these is sent as its text and the server converts it.
public enum SQLValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// `boolean` (SQLite has none: it stores and returns integers 0 and 1).
    case bool(Bool)
    /// `smallint`, `integer`, `bigint` (SQLite `INTEGER`).
    case int(Int64)
    /// `real`, `double precision` (SQLite `REAL`); NaN and infinities included.
    case double(Double)
    /// `numeric` as its exact text.
    case decimal(String)
    /// `text`, `varchar`, `char` and any type without a case of its own, as the server prints it.
    case text(String)
    /// `bytea` (SQLite `BLOB`).
    case bytes([UInt8])
    /// `date` as `YYYY-MM-DD` (or `infinity`).
    case date(String)
    /// `timestamp without time zone` as `YYYY-MM-DD HH:MM:SS[.ffffff]`.
    case timestamp(String)
    /// `timestamp with time zone` as the session prints it, offset included.
    case timestampWithTimeZone(String)
    /// `json` or `jsonb` as document text.
    case json(String)

    /// Whether this is `NULL`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as text, the way a text-format driver would hand it over (nil for `NULL`):
    /// booleans as `true`/`false`, bytes as lowercase hex prefixed with `\x`.
    public var text: String? {
        switch self {
        case .null: return nil
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return Self.text(of: value)
        case .decimal(let text), .text(let text), .date(let text), .timestamp(let text),
            .timestampWithTimeZone(let text), .json(let text):
            return text
        case .bytes(let bytes): return "\\x" + Self.hex(bytes)
        }
    }

    /// `value` as PostgreSQL spells it (`NaN`, `Infinity`, `-Infinity`, shortest round-trip digits).
    static func text(of value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return String(value)
    }

    /// `bytes` as lowercase hexadecimal digits.
    package static func hex(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
