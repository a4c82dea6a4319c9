extension WarehouseConnection {
    /// Runs `sql` without parameters and returns the number of rows it changed.
    @discardableResult
    public func execute(_ sql: String) throws(DatabaseError) -> Int {
        try execute(sql, parameters: [])
    }

    /// Runs `sql` without parameters and returns its columns and typed rows.
    public func fetch(_ sql: String) throws(DatabaseError) -> QueryResult {
        try query(sql, parameters: [])
    }

    /// Commits the open transaction.
    public func commit() throws(DatabaseError) {
        try execute("commit", parameters: [])
    }

    /// Rolls back the open transaction; does nothing when none is open.
    public func rollback() throws(DatabaseError) {
        guard isInTransaction else { return }
        try execute("rollback", parameters: [])
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws (and
    /// rethrows its error; a failed rollback does not hide it).
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try beginTransaction()
        let result: Result
        do {
            result = try body()
        } catch {
            try? rollback()
            throw error
        }
        do {
            try commit()
        } catch {
            try? rollback()
            throw error
        }
        return result
    }
}
