import DFXBasics

/// Turns libyaml's problem, problem mark and context into a diagnostic with a caret, a note for the
/// context ("while parsing a block mapping that starts at …") and a hint when tabs are to blame.
struct YAMLSyntaxError {
    let source: YAMLSource
    let message: String
    let line: Int
    let column: Int
    var context: String?
    var contextLine = 0
    var contextColumn = 0

    init(source: YAMLSource, message: String, line: Int, column: Int) {
        self.source = source
        self.message = message
        self.line = line
        self.column = column
    }

    /// A reader (encoding) error, which libyaml places by byte offset.
    init(source: YAMLSource, message: String, offset: Int) {
        let (line, column) = source.lines.lineAndColumn(ofByteOffset: offset)
        self.init(source: source, message: message, line: line, column: column)
    }

    var error: DiagnosticError { DiagnosticError(diagnostic) }

    var diagnostic: Diagnostic {
        let sourceLine = source.lineText(line)
        var notes: [String] = []
        if let context {
            let place = source.location(line: contextLine, column: contextColumn)
            let opening = context.hasPrefix("while ") ? context : "while " + context
            notes.append("\(opening) that starts at \(place)")
        }
        var hint: String?
        if message.contains("tab") || startsWithTab(sourceLine)
            || (context != nil && startsWithTab(source.lineText(contextLine)))
        {
            hint = "YAML does not allow tabs for indentation; indent with spaces"
        }
        return Diagnostic(
            .error, message, at: source.location(line: line, column: column), sourceLine: sourceLine,
            hint: hint, notes: notes)
    }

    /// True when the line's leading whitespace contains a tab.
    private func startsWithTab(_ line: String?) -> Bool {
        guard let line else { return false }
        for character in line.unicodeScalars {
            if character == "\t" { return true }
            if character != " " { return false }
        }
        return false
    }
}
