import DFXBasics

extension SeedTable {
    /// Streams the rows as PostgreSQL `COPY ... FROM STDIN` text format (the default format: tab
    /// between fields, LF after each row, `\N` for NULL, backslash, tab, LF and CR escaped), in chunks
    /// of about `chunkSize` bytes, each ending at a row boundary, for `PQputCopyData`.
    ///
    /// Values are sent exactly as written in the file (doubled quotes read as one); inference has
    /// already checked that PostgreSQL reads each one into its column's type.
    public func copyText(chunkSize: Int = 1 << 20, _ send: ([UInt8]) throws -> Void) throws {
        var chunk: [UInt8] = []
        let limit = max(1, chunkSize)
        chunk.reserveCapacity(limit + 4096)
        try withFields { buffer, fields in
            appendCopyRow(buffer, fields, to: &chunk)
            if chunk.count >= limit {
                try send(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { try send(chunk) }
    }

    /// Runs `body` with `next`, which returns the same COPY text stream as `copyText(chunkSize:_:)`
    /// one chunk per call (each ending at a row boundary), then nil: for a COPY that pulls its data,
    /// with one chunk in memory at a time instead of every row.
    public func withCopyTextChunks<Result>(
        chunkSize: Int = 1 << 20, _ body: (_ next: () throws -> [UInt8]?) throws -> Result
    ) throws -> Result {
        let parser = CSVParser(delimiter: delimiter)
        let limit = max(1, chunkSize)
        return try bytes.withUnsafeBufferPointer { buffer in
            var index = dataStart
            var fields: [CSVField] = []
            fields.reserveCapacity(columns.count)
            var finished = false
            func next() throws -> [UInt8]? {
                guard !finished else { return nil }
                var chunk: [UInt8] = []
                chunk.reserveCapacity(limit + 4096)
                do {
                    while chunk.count < limit {
                        guard try parser.nextRecord(buffer, at: &index, into: &fields) != nil else {
                            finished = true
                            break
                        }
                        appendCopyRow(buffer, fields, to: &chunk)
                    }
                } catch let problem as CSVProblem {
                    throw DiagnosticError(Self.diagnostics(for: [problem], in: bytes, path: path))
                }
                return chunk.isEmpty ? nil : chunk
            }
            return try body(next)
        }
    }

    /// One record as a COPY text line: fields escaped, tab-separated, `\N` for NULL, then LF.
    private func appendCopyRow(_ buffer: UnsafeBufferPointer<UInt8>, _ fields: [CSVField], to chunk: inout [UInt8]) {
        for (column, field) in fields.enumerated() {
            if column > 0 { chunk.append(Self.tab) }
            if nulls.isNull(field, in: buffer) {
                chunk.append(Self.backslash)
                chunk.append(UInt8(ascii: "N"))
            } else {
                Self.appendEscaped(buffer, field, to: &chunk)
            }
        }
        chunk.append(Self.lineFeed)
    }

    /// The whole COPY text stream at once; for small seeds and tests.
    public func copyText() throws -> [UInt8] {
        var all: [UInt8] = []
        try copyText { all += $0 }
        return all
    }

    private static let tab = UInt8(ascii: "\t")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let backslash = UInt8(ascii: "\\")

    /// Appends the field's value, escaped; runs of plain bytes are copied at once.
    private static func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>, _ field: CSVField, to out: inout [UInt8]) {
        var runStart = field.start
        var index = field.start
        while index < field.end {
            let byte = buffer[index]
            let escape: UInt8
            switch byte {
            case backslash: escape = backslash
            case tab: escape = UInt8(ascii: "t")
            case lineFeed: escape = UInt8(ascii: "n")
            case carriageReturn: escape = UInt8(ascii: "r")
            case CSVParser.quote where field.hasDoubledQuotes:
                // Keep the first quote of the pair, skip the second.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...index]))
                index += 2
                runStart = index
                continue
            default:
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            out.append(backslash)
            out.append(escape)
            index += 1
            runStart = index
        }
        if runStart < field.end { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<field.end])) }
    }
}
