internal import CLibPQ
import DFXBasics
#if canImport(Glibc)
import Glibc
#endif
import DFXSQL

/// One connection to PostgreSQL over libpq. Owns its `PGconn` (closed in `deinit`); not
/// `Sendable`: one connection belongs to one worker at a time (its `canceller` may cross threads).
///
/// Results come back typed (`query(_:parameters:)`, see `SQLValue` for the decoding of each type)
/// or, for older callers, as text (`query(_:)`). Server notices go to `onNotice`.
public final class PostgresConnection {
    let handle: OpaquePointer
    /// Kept alive as long as `handle`: libpq's notice receiver points at it.
    private let notices = NoticeRelay()
    /// The canceller for this connection's statements (made at connect time and again by
    /// `reconnect()`, since the server process and its cancel key change).
    public private(set) var canceller: PostgresCanceller

    /// Connects with libpq keyword/value parameters (`host`, `port`, `user`, `password`, `dbname`,
    /// `sslmode`, `connect_timeout`, ...). A `dbname` holding a URI or `key=value` string is expanded
    /// by libpq, and libpq's `PG*` environment variables fill what is not given. `application_name`
    /// defaults to `dfx`.
    public init(parameters: [String: String]) throws(DatabaseError) {
        var parameters = parameters
        if parameters["application_name"] == nil { parameters["application_name"] = "dfx" }
        // The expanded dbname must come first, so that explicit keywords override what it says.
        let ordered = parameters.sorted { lhs, rhs in lhs.key == "dbname" ? true : rhs.key == "dbname" ? false : lhs.key < rhs.key }
        let keywords: [UnsafePointer<CChar>?] = ordered.map { UnsafePointer(strdup($0.key)) } + [nil]
        let values: [UnsafePointer<CChar>?] = ordered.map { UnsafePointer(strdup($0.value)) } + [nil]
        defer {
            for pointer in keywords + values { free(UnsafeMutablePointer(mutating: pointer)) }
        }
        let connection = PQconnectdbParams(keywords, values, 1)
        guard let connection else { throw DatabaseError(message: "libpq could not allocate a connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingTrailingNewlines
            PQfinish(connection)
            throw DatabaseError(message: "cannot connect to PostgreSQL: " + message)
        }
        handle = connection
        canceller = PostgresCanceller(connection: connection)
        notices.install(on: connection)
    }

    deinit { PQfinish(handle) }

    /// Whether the connection to the server is up (false after the server closed it).
    public var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Connects again with the same parameters (`PQreset`), after the server closed the connection
    /// or to start over; whatever the old session held (transaction, temporary tables, settings)
    /// is gone. Cancellers handed out before belong to the old session.
    public func reconnect() throws(DatabaseError) {
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw DatabaseError(message: "cannot reconnect to PostgreSQL: " + String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
        }
        canceller = PostgresCanceller(connection: handle)
    }

    /// The server's version number (`150020` for 15.20).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Called with every notice or warning the server sends while a statement runs (on the thread
    /// running it). Without a handler, notices are dropped (libpq would print them to stderr).
    public var onNotice: ((DatabaseNotice) -> Void)? {
        get { notices.handler }
        set { notices.handler = newValue }
    }

    /// Runs one statement and returns its rows as the server's text (NULL as nil).
    @discardableResult
    public func query(_ sql: String) throws(DatabaseError) -> [[String?]] {
        try run(sql, parameters: []).textRows
    }

    /// Runs `sql` (with `PQexec` when there are no parameters, so several statements may be sent at
    /// once; with `PQexecParams` otherwise) and returns its successful result.
    func run(_ sql: String, parameters: [SQLValue]) throws(DatabaseError) -> PostgresResult {
        let pointer: OpaquePointer?
        if parameters.isEmpty {
            pointer = PQexec(handle, sql)
        } else {
            pointer = try PostgresParameters.withParameters(parameters, statement: sql) { types, values, lengths, formats in
                PQexecParams(handle, sql, Int32(clamping: parameters.count), types, values, lengths, formats, 0)
            }
        }
        guard let pointer else {
            throw DatabaseError(message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines, statement: sql)
        }
        let result = PostgresResult(pointer)
        let status = result.status
        if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
            abandonCopy()
            throw DatabaseError(
                message: "COPY to or from the client is not supported here: use copyIn(_:chunks:)", statement: sql)
        }
        guard result.succeeded else { throw result.error(statement: sql) }
        return result
    }

    /// Leaves a COPY that `run` started by mistake, so the connection stays usable.
    private func abandonCopy() {
        _ = PQputCopyEnd(handle, "dfx: COPY is not supported through execute or query")
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(handle, &buffer, 0) > 0 {
            PQfreemem(buffer)
            buffer = nil
        }
        while let pending = PQgetResult(handle) { PQclear(pending) }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while let last = text.last, last == "\n" || last == "\r" || last == " " { text.removeLast() }
        return text
    }
}
