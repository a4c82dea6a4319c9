import DFXBasics

extension SeedTable {
    /// A parse problem as a located diagnostic: `path:line:col`, the physical source line and a caret.
    /// A byte order mark is not counted as a column nor shown; a NUL byte is shown as '␀'.
    static func diagnostic(for problem: CSVProblem, in bytes: [UInt8], path: String) -> Diagnostic {
        let index = LineIndex(bytes: bytes)
        var (line, column) = index.lineAndColumn(ofByteOffset: problem.offset)
        var text = index.lineText(line)
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            column = max(1, column - 1)
            if let withMark = text { text = String(withMark.unicodeScalars.dropFirst()) }
        }
        // A NUL byte would end the line in a terminal: show it as one visible scalar (same column count).
        if let line = text, line.unicodeScalars.contains("\u{0}") {
            text = String(String.UnicodeScalarView(line.unicodeScalars.map { $0 == "\u{0}" ? "\u{2400}" : $0 }))
        }
        return Diagnostic(
            .error, problem.message, at: SourceLocation(file: path, line: line, column: column), sourceLine: text,
            hint: problem.hint, notes: problem.notes)
    }
}
