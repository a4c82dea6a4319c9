public import DFXBasics

/// One parsed file: its path and line index, shared by reference by every node parsed from it,
/// so that a diagnostic about any node can quote the source line without each node storing it.
public final class YAMLSource: Sendable {
    /// The path as the user should read it.
    public let file: String
    /// Line starts of the text (after a leading byte-order mark was dropped).
    public let lines: LineIndex

    /// Wraps the UTF-8 bytes of a file.
    public init(file: String, bytes: [UInt8]) {
        self.file = file
        self.lines = LineIndex(bytes: bytes)
    }

    /// The text of a 1-based line, without its terminator.
    public func lineText(_ line: Int) -> String? { lines.lineText(line) }

    /// A location in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
