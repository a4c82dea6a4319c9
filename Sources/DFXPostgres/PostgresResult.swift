internal import CLibPQ
import DFXSQL

/// Owns one `PGresult` (cleared in `deinit`) and decodes it into dfx's values.
final class PostgresResult {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { PQclear(pointer) }

    var status: ExecStatusType { PQresultStatus(pointer) }

    /// Whether the statement succeeded (with or without rows).
    var succeeded: Bool {
        let status = self.status
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY
    }

    /// Rows changed by the command, from `PQcmdTuples` (0 when the command reports none).
    var rowsAffected: Int { Int(String(cString: PQcmdTuples(pointer))) ?? 0 }

    var columns: [SQLColumn] {
        (0..<PQnfields(pointer)).map { index in
            let name = PQfname(pointer, index).map { String(cString: $0) } ?? ""
            return SQLColumn(name: name, typeName: PostgresType.name(oid: PQftype(pointer, index)))
        }
    }

    /// The rows, each value decoded by its column's type OID.
    var typedRows: [[SQLValue]] {
        let rowCount = PQntuples(pointer)
        let columnCount = PQnfields(pointer)
        let types = (0..<columnCount).map { PQftype(pointer, $0) }
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(pointer, row, column) == 1 {
                    values.append(.null)
                    continue
                }
                let length = Int(PQgetlength(pointer, row, column))
                let bytes = PQgetvalue(pointer, row, column).map { raw in
                    raw.withMemoryRebound(to: UInt8.self, capacity: length) { UnsafeBufferPointer(start: $0, count: length) }
                }
                values.append(PostgresType.decode(oid: types[Int(column)], text: bytes ?? UnsafeBufferPointer(start: nil, count: 0)))
            }
            rows.append(values)
        }
        return rows
    }

    /// The rows as the server's text (NULL as nil).
    var textRows: [[String?]] {
        let rowCount = PQntuples(pointer)
        let columnCount = PQnfields(pointer)
        var output: [[String?]] = []
        output.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(pointer, row, column) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(pointer, row, column)))
                }
            }
            output.append(values)
        }
        return output
    }

    var queryResult: QueryResult {
        QueryResult(columns: columns, rows: typedRows, rowsAffected: rowsAffected)
    }

    /// The failure this result reports, with SQLSTATE, detail, hint and statement position.
    func error(statement: String) -> DatabaseError {
        func field(_ code: UInt8) -> String? {
            guard let value = PQresultErrorField(pointer, Int32(code)) else { return nil }
            return String(cString: value)
        }
        let primary = field(UInt8(ascii: "M")) ?? String(cString: PQresultErrorMessage(pointer)).trimmingTrailingNewlines
        return DatabaseError(
            message: primary, code: field(UInt8(ascii: "C")), detail: field(UInt8(ascii: "D")),
            hint: field(UInt8(ascii: "H")), position: field(UInt8(ascii: "P")).flatMap { Int($0) }, statement: statement)
    }
}
