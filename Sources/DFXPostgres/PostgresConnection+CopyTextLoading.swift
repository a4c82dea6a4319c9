import DFXSQL

extension PostgresConnection: CopyTextLoading {
    @discardableResult
    public func loadCopyText(into table: String, columns: [String], chunks next: () throws -> [UInt8]?) throws -> Int {
        let names = columns.map(dialect.quoteIdentifier).joined(separator: ", ")
        return try copyIn("copy \(table) (\(names)) from stdin", chunks: next)
    }
}
