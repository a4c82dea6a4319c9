internal import CLibPQ
import DFXBasics
#if canImport(Glibc)
import Glibc
#endif
import DFXSQL

/// One connection to PostgreSQL over libpq. Owns its `PGconn` (closed in `deinit`); not
/// `Sendable`: one connection belongs to one worker at a time.
public final class PostgresConnection {
    private let handle: OpaquePointer

    /// Connects with libpq keyword/value parameters (`host`, `port`, `user`, `password`, `dbname`,
    /// `sslmode`, `connect_timeout`, ...). A `dbname` holding a URI or `key=value` string is expanded
    /// by libpq, and libpq's `PG*` environment variables fill what is not given.
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
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    /// The server's version number (`150020` for 15.20).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs one statement and returns its rows as text (NULL as nil).
    @discardableResult
    public func query(_ sql: String) throws(DatabaseError) -> [[String?]] {
        guard let result = PQexec(handle, sql) else {
            throw DatabaseError(message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines, statement: sql)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return []
        case PGRES_TUPLES_OK:
            let rows = Int(PQntuples(result))
            let columns = Int(PQnfields(result))
            var output: [[String?]] = []
            output.reserveCapacity(rows)
            for row in 0..<rows {
                var values: [String?] = []
                values.reserveCapacity(columns)
                for column in 0..<columns {
                    if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                        values.append(nil)
                    } else {
                        values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                    }
                }
                output.append(values)
            }
            return output
        default:
            throw Self.error(from: result, statement: sql)
        }
    }

    static func error(from result: OpaquePointer, statement: String) -> DatabaseError {
        func field(_ code: Int32) -> String? {
            guard let pointer = PQresultErrorField(result, code) else { return nil }
            return String(cString: pointer)
        }
        let primary = field(Int32(UInt8(ascii: "M"))) ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines
        return DatabaseError(
            message: primary, code: field(Int32(UInt8(ascii: "C"))), detail: field(Int32(UInt8(ascii: "D"))),
            hint: field(Int32(UInt8(ascii: "H"))), position: field(Int32(UInt8(ascii: "P"))).flatMap { Int($0) }, statement: statement)
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while let last = text.last, last == "\n" || last == "\r" || last == " " { text.removeLast() }
        return text
    }
}
