/// What a statement returned: its columns, its rows as typed values, and how many rows it changed.
public struct QueryResult: Sendable, Hashable {
    /// The result's columns, in order (empty for a statement that returns no rows).
    public var columns: [SQLColumn]
    /// The rows; every row has one value per column.
    public var rows: [[SQLValue]]
    /// The row count the statement reports: PostgreSQL's command tag count (rows inserted,
    /// updated, deleted, copied, or returned by a `select`), SQLite's changes of the last writing
    /// statement (0 for a read).
    public var rowsAffected: Int

    public init(columns: [SQLColumn] = [], rows: [[SQLValue]] = [], rowsAffected: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.rowsAffected = rowsAffected
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The index of the column called `name` (exact match first, then ignoring ASCII case).
    public func columnIndex(_ name: String) -> Int? {
        if let exact = columns.firstIndex(where: { $0.name == name }) { return exact }
        let lowered = name.lowercased()
        return columns.firstIndex { $0.name.lowercased() == lowered }
    }

    /// The rows as text, the shape of the connections' `query(_:) -> [[String?]]`.
    public var textRows: [[String?]] { rows.map { $0.map(\.text) } }
}
