internal import CLibPQ
import DFXSQL

extension PostgresConnection {
    /// Runs `sql`, a `COPY ... FROM STDIN` statement, feeding it the bytes `nextChunk` returns until
    /// it returns nil, and returns the number of rows copied.
    ///
    /// The bytes are whatever the COPY's format expects (text format by default; see
    /// `PostgresCopyText` to encode rows). When `nextChunk` throws, the COPY is aborted on the
    /// server (nothing is loaded) and its error is rethrown; a server error ends the COPY as a
    /// `DatabaseError`. Either way the connection stays usable.
    @discardableResult
    public func copyIn(_ sql: String, chunks nextChunk: () throws -> [UInt8]?) throws -> Int {
        guard let started = PQexec(handle, sql) else {
            throw DatabaseError(message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines, statement: sql)
        }
        let start = PostgresResult(started)
        guard start.status == PGRES_COPY_IN else {
            if start.succeeded {
                throw DatabaseError(message: "copyIn needs a COPY ... FROM STDIN statement", statement: sql)
            }
            throw start.error(statement: sql)
        }
        do {
            while let chunk = try nextChunk() {
                try send(chunk, statement: sql)
            }
        } catch {
            _ = PQputCopyEnd(handle, "dfx: the data source failed: \(error)")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            let failure = DatabaseError(message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines, statement: sql)
            drainResults()
            throw failure
        }
        return try finishCopy(statement: sql)
    }

    /// Copies `rows` in PostgreSQL's text format into `table` (an already quoted relation name)
    /// and, when given, its `columns` (quoted here); returns the number of rows copied.
    @discardableResult
    public func copyIn<Rows: Sequence>(table: String, columns: [String]? = nil, rows: Rows) throws -> Int
    where Rows.Element == [SQLValue] {
        var sql = "copy " + table
        if let columns { sql += " (" + columns.map(dialect.quoteIdentifier).joined(separator: ", ") + ")" }
        sql += " from stdin"
        var iterator = rows.makeIterator()
        let chunkSize = 1 << 16
        return try copyIn(sql) {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(chunkSize + 1024)
            while chunk.count < chunkSize, let row = iterator.next() {
                PostgresCopyText.append(row, to: &chunk)
            }
            return chunk.isEmpty ? nil : chunk
        }
    }

    private func send(_ chunk: [UInt8], statement: String) throws(DatabaseError) {
        var offset = 0
        while offset < chunk.count {
            let length = min(chunk.count - offset, 1 << 20)
            let sent = chunk.withUnsafeBytes { bytes -> Int32 in
                guard let base = bytes.baseAddress else { return 1 }
                return PQputCopyData(handle, base.advanced(by: offset).assumingMemoryBound(to: CChar.self), Int32(length))
            }
            guard sent == 1 else {
                throw DatabaseError(message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines, statement: statement)
            }
            offset += length
        }
    }

    /// Reads the COPY's outcome and every result after it, so the connection is idle again.
    private func finishCopy(statement: String) throws(DatabaseError) -> Int {
        var outcome: Result<Int, DatabaseError> = .failure(DatabaseError(message: "COPY ended without a result", statement: statement))
        var first = true
        while let pointer = PQgetResult(handle) {
            let result = PostgresResult(pointer)
            guard first else { continue }
            first = false
            outcome = result.succeeded ? .success(result.rowsAffected) : .failure(result.error(statement: statement))
        }
        return try outcome.get()
    }

    private func drainResults() {
        while let pointer = PQgetResult(handle) { PQclear(pointer) }
    }
}
