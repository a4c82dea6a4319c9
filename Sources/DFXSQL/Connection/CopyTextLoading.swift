/// A connection that loads rows already encoded as PostgreSQL `COPY` text (tab-separated, `\N` for
/// NULL, backslash escapes), pulled in chunks: seeds stream through it without building a value per
/// field. `WarehouseConnection.loadRows` is the general path; a loader checks for this first.
public protocol CopyTextLoading: AnyObject {
    /// Runs `COPY table (columns) FROM STDIN` with the chunks `next` returns until it returns nil,
    /// and returns the rows copied: all of them or, on failure, none. `table` is a relation name
    /// already rendered by the connection's dialect; `columns` are quoted here.
    @discardableResult
    func loadCopyText(into table: String, columns: [String], chunks next: () throws -> [UInt8]?) throws -> Int
}
