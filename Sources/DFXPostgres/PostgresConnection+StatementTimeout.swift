import DFXSQL

extension PostgresConnection {
    /// Sets `statement_timeout` for the rest of the open transaction (`set local`); a statement that
    /// runs longer fails with SQLSTATE `57014`. Zero turns the limit off. Outside a transaction the
    /// server ignores it (with a warning), so this throws instead.
    public func setLocalStatementTimeout(milliseconds: Int) throws(DatabaseError) {
        guard isInTransaction else {
            throw DatabaseError(message: "set local statement_timeout needs an open transaction")
        }
        try execute("select set_config('statement_timeout', $1, true)", parameters: [.text(String(max(0, milliseconds)))])
    }

    /// Runs `body` with `statement_timeout` set to `milliseconds` (nil: no change). Inside an open
    /// transaction the previous value is restored afterwards; otherwise `body` runs in a transaction
    /// of its own that commits when it returns and rolls back when it throws.
    public func withStatementTimeout<Result>(milliseconds: Int?, _ body: () throws -> Result) throws -> Result {
        guard let milliseconds else { return try body() }
        guard isInTransaction else {
            return try transaction {
                try setLocalStatementTimeout(milliseconds: milliseconds)
                return try body()
            }
        }
        let previous = try query("select current_setting('statement_timeout')", parameters: []).rows.first?.first?.text ?? "0"
        try setLocalStatementTimeout(milliseconds: milliseconds)
        let result: Result
        do {
            result = try body()
        } catch {
            // Fails harmlessly when the error aborted the transaction: the rollback resets it anyway.
            _ = try? execute("select set_config('statement_timeout', $1, true)", parameters: [.text(previous)])
            throw error
        }
        try execute("select set_config('statement_timeout', $1, true)", parameters: [.text(previous)])
        return result
    }
}
