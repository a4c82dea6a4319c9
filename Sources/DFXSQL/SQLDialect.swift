/// Everything dfx needs to know about a warehouse's SQL to render statements for it, as a value.
///
/// Rendering never needs a live connection: `dfx compile` and the golden tests run with a dialect
/// alone. Identifier quoting and literal escaping happen here and nowhere else.
public struct SQLDialect: Sendable, Hashable {
    /// Which warehouse this dialect speaks to.
    public enum Kind: String, Sendable, Hashable, Codable {
        case postgres
        case sqlite
    }

    public var kind: Kind
    /// The character that opens and closes a quoted identifier.
    public var identifierQuote: Character
    /// Longest identifier the warehouse keeps (PostgreSQL truncates at 63 bytes); nil for no limit.
    public var maxIdentifierBytes: Int?
    /// Whether `schema.name` is a real two-part name. SQLite has no schemas: dfx stores the relation
    /// `schema.name` as one table whose quoted name contains the dot (see `relation(schema:name:)`).
    public var hasSchemas: Bool

    public static let postgres = SQLDialect(
        kind: .postgres, identifierQuote: "\"", maxIdentifierBytes: 63, hasSchemas: true)
    public static let sqlite = SQLDialect(
        kind: .sqlite, identifierQuote: "\"", maxIdentifierBytes: nil, hasSchemas: false)

    /// The dialect for a profile's target type (`postgres`, `sqlite`), or nil for an unknown type.
    public init?(targetType: String) {
        switch targetType.lowercased() {
        case "postgres", "postgresql": self = .postgres
        case "sqlite", "sqlite3": self = .sqlite
        default: return nil
        }
    }

    public init(kind: Kind, identifierQuote: Character, maxIdentifierBytes: Int?, hasSchemas: Bool) {
        self.kind = kind
        self.identifierQuote = identifierQuote
        self.maxIdentifierBytes = maxIdentifierBytes
        self.hasSchemas = hasSchemas
    }

    /// `name` as a quoted identifier, embedded quote characters doubled.
    public func quoteIdentifier(_ name: String) -> String {
        quotedIdentifiers([name])
    }

    /// `value` as a string literal: single quotes doubled; on PostgreSQL a literal that contains a
    /// backslash is written as an escape-free standard string (standard_conforming_strings is on
    /// since 9.1), so backslashes are kept as they are.
    public func quoteLiteral(_ value: String) -> String {
        "'" + value.replacingAll("'", with: "''") + "'"
    }

    /// The SQL name of a relation in `schema` (and, on PostgreSQL, optionally `database`).
    ///
    /// On SQLite, which has no schemas in one file, the relation is the table named `schema.name`
    /// (one quoted identifier containing a dot): SQL written for PostgreSQL with `ref()`/`source()`
    /// keeps working, views may reference any relation (SQLite forbids views across attached
    /// databases), and tools list tables as `raw.orders`.
    public func relation(database: String? = nil, schema: String?, name: String) -> String {
        guard let schema, !schema.isEmpty else { return quoteIdentifier(name) }
        if !hasSchemas { return quoteIdentifier(schema + "." + name) }
        if let database, !database.isEmpty { return quotedIdentifiers([database, schema, name]) }
        return quotedIdentifiers([schema, name])
    }

    /// `parts` quoted and joined with dots, built in one pass over their bytes: a 10,000-model
    /// compile quotes tens of thousands of relation names, and concatenating quoted pieces made
    /// several intermediate strings per name.
    private func quotedIdentifiers(_ parts: [String]) -> String {
        guard let quote = identifierQuote.asciiValue else {
            let quote = String(identifierQuote)
            return parts.map { quote + $0.replacingAll(quote, with: quote + quote) + quote }.joined(separator: ".")
        }
        var capacity = parts.count * 3
        for part in parts { capacity += part.utf8.count * 2 }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            for (position, part) in parts.enumerated() {
                if position > 0 {
                    buffer[count] = UInt8(ascii: ".")
                    count += 1
                }
                buffer[count] = quote
                count += 1
                for byte in part.utf8 {
                    if byte == quote {
                        buffer[count] = quote
                        count += 1
                    }
                    buffer[count] = byte
                    count += 1
                }
                buffer[count] = quote
                count += 1
            }
            return count
        }
    }
}

extension String {
    /// Replaces every occurrence of `target` with `replacement` (standard library only).
    package func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        if target.utf8.count == 1, let byte = target.utf8.first {
            // Quote characters, the only targets in practice: a byte scan instead of the generic
            // substring search (which cost ~9,000 instructions per identifier in `dfx compile`).
            let found = utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
            guard found else { return self }
        } else {
            guard contains(target) else { return self }
        }
        return replacing(target, with: replacement)
    }
}
