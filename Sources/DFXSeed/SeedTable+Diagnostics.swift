import DFXBasics

extension SeedTable {
    /// Parse problems as located diagnostics: `path:line:col`, the physical source line and a caret.
    /// A byte order mark is not counted as a column nor shown; a NUL byte is shown as '␀'. The line
    /// index is built once for all of them.
    static func diagnostics(for problems: [CSVProblem], in bytes: [UInt8], path: String) -> [Diagnostic] {
        let index = LineIndex(bytes: bytes)
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        return problems.map { problem in
            var (line, column) = index.lineAndColumn(ofByteOffset: problem.offset)
            var text = index.lineText(line)
            if line == 1, hasMark {
                column = max(1, column - 1)
                if let withMark = text { text = String(withMark.unicodeScalars.dropFirst()) }
            }
            // A NUL byte would end the line in a terminal: show it as one visible scalar (same column count).
            if let line = text, line.unicodeScalars.contains("\u{0}") {
                text = String(String.UnicodeScalarView(line.unicodeScalars.map { $0 == "\u{0}" ? "\u{2400}" : $0 }))
            }
            var length = 1
            if let end = problem.end, end > problem.offset {
                // Scalars from the offset to the end, stopping at the line's end (the formatter clamps too).
                var scalars = 0
                var offset = problem.offset
                while offset < min(end, bytes.count), bytes[offset] != UInt8(ascii: "\n") {
                    if bytes[offset] & 0xC0 != 0x80, bytes[offset] != UInt8(ascii: "\r") { scalars += 1 }
                    offset += 1
                }
                length = max(1, scalars)
            }
            return Diagnostic(
                problem.severity, problem.message, at: SourceLocation(file: path, line: line, column: column), length: length,
                sourceLine: text, hint: problem.hint, notes: problem.notes)
        }
    }
}
