import DFXBasics

extension SelectorParser {
    /// The argument being parsed and the diagnostics found so far.
    struct Context {
        let scalars: [Unicode.Scalar]
        /// nil when the text has no known place (diagnostics then carry no location).
        let file: String?
        let line: Int
        /// Added to a 0-based scalar index to get the 0-based column.
        let columnBase: Int
        /// The line shown under the diagnostic; nil when the text is not a whole line of a file.
        let sourceLine: String?
        var diagnostics: [Diagnostic] = []

        mutating func error(_ message: String, at index: Int, length: Int = 1, hint: String? = nil) {
            let column = columnBase + max(0, index) + 1
            diagnostics.append(Diagnostic(
                .error, message, at: file.map { SourceLocation(file: $0, line: line, column: column) },
                length: length, sourceLine: file == nil ? nil : sourceLine, hint: hint))
        }

        func text(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }
    }
}
