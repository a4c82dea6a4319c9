/// One field of a parsed CSV record: where its content lies in the file's bytes and how to read it.
///
/// For a quoted field, `start..<end` excludes the surrounding quotes and `hasDoubledQuotes` says
/// whether `""` pairs inside must be read as one `"`. Fields are plain offsets so that parsing a
/// file allocates nothing per field.
struct CSVField: Sendable, Hashable {
    var start: Int
    var end: Int
    var isQuoted: Bool
    var hasDoubledQuotes: Bool

    /// An empty field, quoted or not, is NULL (as dbt's agate reader treats it).
    var isEmpty: Bool { start == end }

    /// Offset of the field's first byte in the file, its opening quote included.
    var origin: Int { isQuoted ? start - 1 : start }
}
