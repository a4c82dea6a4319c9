internal import CSQLite3
import DFXBasics

/// SQL functions dfx adds to every SQLite connection so that models written for PostgreSQL run
/// unchanged: `md5(text)` (what `dbt.hash()` and SCD2 row ids need) and
/// `split_part(text, delimiter, n)` with PostgreSQL's semantics (1-based; a negative `n` counts
/// from the end; past the end gives '').
enum SQLiteFunctions {
    /// SQLite's SQLITE_TRANSIENT: the library copies the result text before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func register(on handle: OpaquePointer) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        sqlite3_create_function_v2(handle, "md5", 1, flags, nil, md5, nil, nil, nil)
        sqlite3_create_function_v2(handle, "split_part", 3, flags, nil, splitPart, nil, nil, nil)
    }

    /// The bytes of argument `index` as text, nil for SQL NULL.
    static func bytes(_ arguments: UnsafeMutablePointer<OpaquePointer?>?, _ index: Int) -> [UInt8]? {
        guard let arguments, let value = arguments[index], sqlite3_value_type(value) != SQLITE_NULL else { return nil }
        let count = Int(sqlite3_value_bytes(value))
        guard let text = sqlite3_value_text(value) else { return [] }
        return Array(UnsafeBufferPointer(start: text, count: count))
    }

    static func resultText(_ context: OpaquePointer?, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_result_text(context, chars.baseAddress, Int32(chars.count), transient)
            }
        }
    }

    static let md5: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
        guard let input = bytes(arguments, 0) else { return sqlite3_result_null(context) }
        resultText(context, Array(Digest.hex(Digest.md5(input)).utf8))
    }

    static let splitPart: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, arguments in
        guard let text = bytes(arguments, 0), let delimiter = bytes(arguments, 1), let arguments, let partValue = arguments[2],
            sqlite3_value_type(partValue) != SQLITE_NULL
        else { return sqlite3_result_null(context) }
        let part = Int(sqlite3_value_int64(partValue))
        guard part != 0 else { return sqlite3_result_error(context, "field position must not be zero", -1) }
        var pieces: [ArraySlice<UInt8>] = []
        if delimiter.isEmpty {
            pieces = [text[...]]
        } else {
            var start = 0
            var index = 0
            while index + delimiter.count <= text.count {
                if text[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                    pieces.append(text[start..<index])
                    index += delimiter.count
                    start = index
                } else {
                    index += 1
                }
            }
            pieces.append(text[start...])
        }
        let position = part > 0 ? part - 1 : pieces.count + part
        guard position >= 0, position < pieces.count else { return resultText(context, []) }
        resultText(context, Array(pieces[position]))
    }
}
