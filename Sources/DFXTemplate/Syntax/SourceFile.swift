import DFXBasics

/// A template's source text and path, shared by every span that points into it.
final class SourceFile: Sendable {
    let path: String
    let bytes: [UInt8]
    let lines: LineIndex

    init(path: String, text: String) {
        self.path = path
        var bytes = Array(text.utf8)
        // Jinja2 normalises line endings to "\n"; drop the "\r" of "\r\n" (lines and columns stay put).
        if ByteSearch.contains(0x0D, in: bytes) {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (offset, byte) in bytes.enumerated()
            where !(byte == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A) { out.append(byte) }
            bytes = out
        }
        self.bytes = bytes
        self.lines = LineIndex(bytes: bytes)
    }

    func location(_ offset: Int) -> SourceLocation { lines.location(ofByteOffset: offset, file: path) }

    /// A diagnostic at a byte range of this file.
    func diagnostic(_ message: String, start: Int, length: Int, hint: String? = nil, notes: [String] = []) -> Diagnostic {
        let location = location(start)
        return Diagnostic(
            .error, message, at: location, length: length, sourceLine: lines.lineText(location.line), hint: hint,
            notes: notes)
    }
}
