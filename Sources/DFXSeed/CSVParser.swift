/// An RFC 4180 record splitter over bytes.
///
/// Records end at LF or CRLF outside quotes (a CR not followed by LF is data); quoted fields may hold
/// the delimiter, line breaks and doubled quotes. Blank lines are skipped. A quote inside an unquoted
/// field is kept as data (as Python's csv module and PostgreSQL's CSV COPY do), but after a closing
/// quote only a delimiter, a line break or the end of the file may follow. Parsing allocates nothing
/// per field: the callback sees one reused array of `CSVField` offsets per record.
struct CSVParser {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    var delimiter: UInt8

    /// Calls `body` with the fields of each record from `start` on, and the record's first byte offset.
    /// Stops at the first syntax problem (thrown as `CSVProblem`) or the first error `body` throws.
    func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        _ body: (_ fields: [CSVField], _ recordStart: Int) throws -> Void
    ) throws {
        var index = start
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        while let recordStart = try nextRecord(bytes, at: &index, into: &fields) {
            try body(fields, recordStart)
        }
    }

    /// Reads the record at `index` (skipping blank lines) into `fields`, leaves `index` after its line
    /// break and returns the record's first byte offset; nil at the end of the bytes.
    func nextRecord(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, into fields: inout [CSVField]) throws -> Int? {
        let count = bytes.count
        let quote = Self.quote, lineFeed = Self.lineFeed, carriageReturn = Self.carriageReturn
        let delimiter = self.delimiter
        while index < count {
            let recordStart = index
            // Blank lines (LF or CRLF alone) hold no record.
            if bytes[index] == lineFeed {
                index += 1
                continue
            }
            if bytes[index] == carriageReturn, index + 1 < count, bytes[index + 1] == lineFeed {
                index += 2
                continue
            }
            fields.removeAll(keepingCapacity: true)
            record: while true {
                if index < count, bytes[index] == quote {
                    let open = index
                    index += 1
                    let contentStart = index
                    var doubled = false
                    while true {
                        guard index < count else {
                            throw CSVProblem(
                                offset: open, message: "unterminated quoted field",
                                hint: "close the field with '\"' and write a quote inside it as '\"\"'")
                        }
                        if bytes[index] == quote {
                            if index + 1 < count, bytes[index + 1] == quote {
                                doubled = true
                                index += 2
                                continue
                            }
                            break
                        }
                        index += 1
                    }
                    fields.append(CSVField(start: contentStart, end: index, isQuoted: true, hasDoubledQuotes: doubled))
                    index += 1  // past the closing quote
                    guard index < count else { break record }
                    let next = bytes[index]
                    if next == delimiter {
                        index += 1
                        continue record
                    }
                    if next == lineFeed {
                        index += 1
                        break record
                    }
                    if next == carriageReturn, index + 1 < count, bytes[index + 1] == lineFeed {
                        index += 2
                        break record
                    }
                    throw CSVProblem(
                        offset: index, message: "unexpected character after a closing quote",
                        hint: "quote the whole field and write a quote inside it as '\"\"'")
                } else {
                    let fieldStart = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == delimiter || byte == lineFeed { break }
                        if byte == carriageReturn, index + 1 < count, bytes[index + 1] == lineFeed { break }
                        index += 1
                    }
                    fields.append(CSVField(start: fieldStart, end: index, isQuoted: false, hasDoubledQuotes: false))
                    guard index < count else { break record }
                    let next = bytes[index]
                    if next == delimiter {
                        index += 1
                        continue record
                    }
                    index += next == lineFeed ? 1 : 2
                    break record
                }
            }
            return recordStart
        }
        return nil
    }
}
