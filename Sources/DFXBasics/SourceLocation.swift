/// A position in a source file: 1-based line and column, columns counted in Unicode scalars.
///
/// Every diagnostic dfx prints points at one of these, in the `path:line:col` form that editors
/// and terminals turn into links.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path as the user should read it (relative to the project root when possible).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`.
    public var description: String { "\(file):\(line):\(column)" }
}
