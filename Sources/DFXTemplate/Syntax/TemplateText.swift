/// A run of literal template text: a byte range of its template's source, not a copy of it.
///
/// Text is most of a SQL model, and every model's compiled template stays in memory for the whole
/// `dfx compile`: copying each run into its own array kept a second copy of all the project's SQL
/// (28 MB at 10,000 models) and cost an allocation per run. The source file holds the text, which
/// for a model is the same storage as the file's contents and the node's raw code.
struct TemplateText: Sendable {
    let file: SourceFile
    /// Byte offsets into `file.text`'s UTF-8, after whitespace control.
    let start: Int
    let end: Int

    /// Calls `body` with the text's bytes, read in place.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try file.withBytes { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The text's bytes, copied.
    var bytes: [UInt8] { withBytes { Array($0) } }
}
