import DFXBasics

/// A syntax problem found while parsing, at a byte offset; `SeedTable` turns it into a `Diagnostic`
/// once (building a line index only on this error path).
struct CSVProblem: Error, Sendable, Hashable {
    var offset: Int
    var message: String
    var hint: String?
    var notes: [String] = []
    /// Byte offset where the underlined span ends (the caret underlines at least one column and
    /// never past the line); nil for a single caret.
    var end: Int?
    var severity: Diagnostic.Severity = .error
}
