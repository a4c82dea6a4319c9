/// The unique-key values that break a snapshot: keys that occur more than once in the staged
/// source, and keys with a NULL part (which would never match their history). No rows: the key
/// is sound. At most `limit` keys, most frequent first; decode with `decode(_:keyCount:)`.
public struct SCD2KeyCheckQuery: SQLStatement, Hashable {
    /// One offending key: its values (nil for NULL) and how many source rows carry it.
    public struct Problem: Sendable, Hashable {
        public var values: [String?]
        public var rows: Int

        public init(values: [String?], rows: Int) {
            self.values = values
            self.rows = rows
        }
    }

    public var stage: RelationName
    public var uniqueKey: [String]
    public var limit: Int

    public init(stage: RelationName, uniqueKey: [String], limit: Int = 5) {
        self.stage = stage
        self.uniqueKey = uniqueKey
        self.limit = limit
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        guard !uniqueKey.isEmpty else { throw SQLRenderError("the key check of \(stage) needs a unique_key") }
        let keys = uniqueKey.map(dialect.quoteIdentifier)
        let positions = keys.indices.map { String($0 + 1) }
        let nulls = keys.map { $0 + " is null" }.joined(separator: " or ")
        return [
            "select " + keys.joined(separator: ", ") + ", count(*)\nfrom " + stage.rendered(dialect)
                + "\ngroup by " + keys.joined(separator: ", ")
                + "\nhaving count(*) > 1 or " + nulls
                + "\norder by " + String(keys.count + 1) + " desc, " + positions.joined(separator: ", ")
                + "\nlimit " + String(max(1, limit))
        ]
    }

    /// The problems in the query's rows (`keyCount` key columns, then the count).
    public static func decode(_ rows: [[String?]], keyCount: Int) -> [Problem] {
        rows.compactMap { row in
            guard row.count == keyCount + 1 else { return nil }
            return Problem(values: Array(row.prefix(keyCount)), rows: Int(row[keyCount] ?? "") ?? 0)
        }
    }
}
