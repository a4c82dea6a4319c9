internal import CLibPQ
import DFXSQL
#if canImport(Glibc)
import Glibc
#endif

/// Bound parameters for `PQexecParams`, in C memory for the duration of one call.
///
/// Booleans, integers and doubles carry their types (`bool`, `int8`, `float8`) so that `$1 + 1`
/// works; text-like values are sent untyped so the server infers the type from where they are used
/// (a `date` column accepts `.date("2024-01-31")`, a `jsonb` one `.json(...)`). Bytes go in binary
/// format, everything else as text. Values are never spliced into the statement text.
enum PostgresParameters {
    static func withParameters<Result>(
        _ parameters: [SQLValue], statement: String,
        _ body: (UnsafePointer<UInt32>, UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<Int32>, UnsafePointer<Int32>) -> Result
    ) throws(DatabaseError) -> Result {
        var types: [UInt32] = []
        var values: [UnsafePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        var allocations: [UnsafeMutableRawPointer] = []
        defer { for allocation in allocations { free(allocation) } }
        for (index, value) in parameters.enumerated() {
            let (type, format, bytes) = encode(value)
            types.append(type)
            formats.append(format)
            guard let bytes else {
                values.append(nil)
                lengths.append(0)
                continue
            }
            if format == 0, bytes.contains(0) {
                throw DatabaseError(
                    message: "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot hold",
                    statement: statement)
            }
            guard let memory = malloc(bytes.count + 1) else {
                throw DatabaseError(message: "out of memory binding parameter $\(index + 1)", statement: statement)
            }
            allocations.append(memory)
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { memory.copyMemory(from: base, byteCount: bytes.count) }
            }
            memory.storeBytes(of: 0, toByteOffset: bytes.count, as: UInt8.self)
            values.append(UnsafePointer(memory.assumingMemoryBound(to: CChar.self)))
            lengths.append(Int32(clamping: bytes.count))
        }
        return body(types, values, lengths, formats)
    }

    /// The type OID (0: let the server infer), format (0 text, 1 binary) and bytes of `value`.
    private static func encode(_ value: SQLValue) -> (UInt32, Int32, [UInt8]?) {
        switch value {
        case .null: return (0, 0, nil)
        case .bool(let flag): return (PostgresType.bool, 0, Array((flag ? "t" : "f").utf8))
        case .int(let number): return (PostgresType.int8, 0, Array(String(number).utf8))
        case .double: return (PostgresType.float8, 0, Array((value.text ?? "").utf8))
        case .bytes(let bytes): return (PostgresType.bytea, 1, bytes)
        case .decimal(let text), .text(let text), .date(let text), .timestamp(let text),
            .timestampWithTimeZone(let text), .json(let text):
            return (0, 0, Array(text.utf8))
        }
    }
}
