/// What one snapshot run did to its history table.
public struct SCD2Outcome: Sendable, Hashable {
    /// Whether the history table was created by this run (first load).
    public var created: Bool
    /// Current versions closed (changed, or deleted from the source).
    public var closed: Int
    /// Versions inserted (first load rows, new versions, deletion records).
    public var inserted: Int
    /// Columns added to the history table because the source gained them.
    public var addedColumns: [String]

    /// `created snapshot … (N rows)` style text for the run's message.
    public var summary: String {
        if created { return "\(inserted) rows" }
        var text = "\(inserted) inserted, \(closed) closed"
        if !addedColumns.isEmpty { text += ", new columns " + addedColumns.joined(separator: ", ") }
        return text
    }
}
