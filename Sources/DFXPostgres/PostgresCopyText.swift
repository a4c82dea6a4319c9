import DFXSQL

/// Encodes rows in the text format of PostgreSQL's `COPY ... FROM STDIN`: columns separated by
/// tabs, rows ended by newlines, `NULL` as `\N`, and backslash, tab, newline and carriage return
/// escaped with a backslash, so any text (including a literal `\N`) round-trips exactly.
public enum PostgresCopyText {
    /// Appends `row` as one line to `buffer`.
    public static func append(_ row: [SQLValue], to buffer: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let text = value.text else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\t"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
                case UInt8(ascii: "\n"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// `rows` encoded, one line each.
    public static func encode(_ rows: [[SQLValue]]) -> [UInt8] {
        var buffer: [UInt8] = []
        for row in rows { append(row, to: &buffer) }
        return buffer
    }
}
