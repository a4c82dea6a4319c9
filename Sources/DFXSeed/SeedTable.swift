import DFXBasics

/// A parsed, validated seed: the CSV's bytes, its columns with their SQL types, and its row count.
///
/// Making one reads the whole file once (validating UTF-8, the CSV syntax, the header, every row's
/// field count and inferring each column's type) and keeps only summaries: rows are parsed again,
/// without allocating per field, when they are streamed to a loader (`copyText(chunkSize:_:)` for
/// PostgreSQL's COPY, `forEachRow(_:)` for SQLite parameters, `forEachRecord(_:)` as text).
///
/// Reading rules (RFC 4180 plus what dbt's agate reader accepts):
/// - UTF-8 only; a leading byte order mark is skipped; NUL bytes are an error.
/// - Records end at LF or CRLF outside quotes; blank lines are skipped; a lone CR is data.
/// - Quoted fields may hold the delimiter, line breaks and `""`; a quote inside an unquoted field is
///   data; after a closing quote only a delimiter or a line break may follow.
/// - The first record is the header: names non-empty and unique ignoring case; every row has
///   exactly as many fields as the header.
/// - An empty field, quoted (`""`) or not, is NULL, and so is an unquoted `SeedOptions.nullValues`
///   word (none by default). Values are never trimmed.
public struct SeedTable: Sendable {
    /// The file's path as diagnostics print it.
    public let path: String
    /// The file's bytes, BOM included.
    public let bytes: [UInt8]
    /// The field separator.
    public let delimiter: UInt8
    /// The header's columns, in file order, with their types.
    public let columns: [SeedColumn]
    /// Data rows (blank lines are not rows).
    public let rowCount: Int
    /// Offset of the first byte after the header record.
    let dataStart: Int
    /// Unquoted words read as NULL (`SeedOptions.nullValues`).
    let nulls: NullMarkers
    /// Byte offset of each header name (its opening quote included), for diagnostics about names.
    let headerOffsets: [Int]

    /// Parses `bytes` (the contents of the seed at `path`) and infers column types.
    ///
    /// - Throws: `DiagnosticError` for invalid UTF-8 or NUL bytes, a missing, empty or duplicate
    ///   header name, malformed quoting, a row whose field count differs from the header's, and
    ///   `column_types` entries naming no column; each diagnostic points at the file, line and column.
    public init(bytes: [UInt8], path: String, options: SeedOptions = SeedOptions()) throws {
        self.path = path
        self.bytes = bytes
        self.delimiter = options.delimiter
        self.nulls = NullMarkers(options.nullValues)
        let parser = CSVParser(delimiter: options.delimiter)
        let scanned: (columns: [SeedColumn], rows: Int, dataStart: Int, headerOffsets: [Int])
        do {
            scanned = try bytes.withUnsafeBufferPointer { try Self.scan($0, parser: parser, path: path, options: options) }
        } catch let problem as CSVProblem {
            throw DiagnosticError(Self.diagnostics(for: [problem], in: bytes, path: path))
        } catch let problems as CSVProblems {
            throw DiagnosticError(Self.diagnostics(for: problems.problems, in: bytes, path: path))
        }
        let (columns, rows, dataStart, headerOffsets) = scanned
        self.headerOffsets = headerOffsets
        self.columns = columns
        self.rowCount = rows
        self.dataStart = dataStart
    }

    /// Column names, in file order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The checksum dbt records for this seed in the manifest.
    public var checksum: SeedChecksum { SeedChecksum(bytes: bytes, path: path) }
}
