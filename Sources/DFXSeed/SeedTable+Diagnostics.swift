import DFXBasics

extension SeedTable {
    /// A parse problem as a located diagnostic: `path:line:col`, the physical source line and a caret.
    /// A byte order mark is not counted as a column nor shown.
    static func diagnostic(for problem: CSVProblem, in bytes: [UInt8], path: String) -> Diagnostic {
        let index = LineIndex(bytes: bytes)
        var (line, column) = index.lineAndColumn(ofByteOffset: problem.offset)
        var text = index.lineText(line)
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            column = max(1, column - 1)
            if let withMark = text { text = String(withMark.unicodeScalars.dropFirst()) }
        }
        return Diagnostic(
            .error, problem.message, at: SourceLocation(file: path, line: line, column: column), sourceLine: text,
            hint: problem.hint, notes: problem.notes)
    }
}
