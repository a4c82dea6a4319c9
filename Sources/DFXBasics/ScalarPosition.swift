/// A position in a text counted in Unicode scalars (the unit PostgreSQL and SQLite error
/// positions and dfx's columns use), resolved to a 1-based line and column.
public struct ScalarPosition: Sendable, Hashable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in scalars.
    public var column: Int
    /// The text of that line, without its newline.
    public var lineText: String

    /// The line and column of the scalar at 0-based `offset` in `text` (an offset past the end
    /// resolves to the end).
    public init(offset: Int, in text: String) {
        let scalars = text.unicodeScalars
        var line = 1
        var column = 1
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        var remaining = offset
        while remaining > 0, index < scalars.endIndex {
            if scalars[index] == "\n" {
                line += 1
                column = 1
                lineStart = scalars.index(after: index)
            } else {
                column += 1
            }
            index = scalars.index(after: index)
            remaining -= 1
        }
        self.line = line
        self.column = column
        self.lineText = String(scalars[lineStart...].prefix { $0 != "\n" })
    }
}
