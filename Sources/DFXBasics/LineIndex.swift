/// Maps UTF-8 byte offsets of a text to line and column numbers, and gives back whole lines.
///
/// Built once per file in O(n); each lookup is a binary search, so mapping many positions
/// (every token of a template, every node of a YAML file) stays linear overall.
public struct LineIndex: Sendable {
    /// The text, as UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    /// The offsets after every `\n` (every file dfx reads gets an index, so this scan runs over
    /// the whole project: it goes eight bytes at a time).
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while let newline = ByteSearch.firstIndex(of: 0x0A, in: raw, from: offset) {
                starts.append(newline + 1)
                offset = newline + 1
            }
        }
        return starts
    }

    /// The 1-based line and column of a byte offset (clamped to the text).
    public func lineAndColumn(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        // Count scalars, not bytes: continuation bytes (10xxxxxx) do not start a scalar.
        var column = 1
        var index = start
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }

    /// A `SourceLocation` for a byte offset in `file`.
    public func location(ofByteOffset offset: Int, file: String) -> SourceLocation {
        let (line, column) = lineAndColumn(ofByteOffset: offset)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The text of a 1-based line, without its line terminator; nil past the end.
    public func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
