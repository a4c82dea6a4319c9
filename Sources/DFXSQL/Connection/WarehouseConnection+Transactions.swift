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
    /// rethrows its error; a failed rollback does not hide it). Inside an open transaction it nests
    /// with a savepoint instead, so an inner failure undoes only the inner work and nothing commits
    /// before the outer transaction does.
    @discardableResult
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        if isInTransaction { return try savepoint(body) }
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

    private func savepoint<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("savepoint dfx_nested", parameters: [])
        do {
            let result = try body()
            try execute("release savepoint dfx_nested", parameters: [])
            return result
        } catch {
            _ = try? execute("rollback to savepoint dfx_nested", parameters: [])
            _ = try? execute("release savepoint dfx_nested", parameters: [])
            throw error
        }
    }
}
