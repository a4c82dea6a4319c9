import DFXBasics

/// A template's source text and path, shared by every span that points into it.
///
/// Holds the text as the caller's `String` (for a model, the same storage as the file's contents
/// and the node's raw code): every compiled template of a project stays in memory until the end of
/// `dfx compile`, so it keeps no second copy of its bytes, and its line starts as 32-bit offsets.
final class SourceFile: Sendable {
    let path: String
    /// The text with `\r\n` line endings turned into `\n`.
    let text: String
    /// The text's UTF-8 bytes, read in place.
    let bytes: SourceBytes
    /// Line starts, for locations and quoted source lines.
    let lines: SourceLines

    init(path: String, text: String) {
        self.path = path
        // Jinja2 normalises line endings to "\n"; drop the "\r" of "\r\n" (lines and columns stay put).
        // The line scan notices a "\r\n" on the way: only then is the text rewritten and scanned again.
        var lines = SourceLines(text: text)
        let normalized: String
        if lines.hasCarriageReturnNewline {
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (offset, byte) in bytes.enumerated()
            where !(byte == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A) { out.append(byte) }
            normalized = String(decoding: out, as: UTF8.self)
            lines = SourceLines(text: normalized)
        } else {
            normalized = text
        }
        self.text = normalized
        self.bytes = SourceBytes(text: normalized)
        self.lines = lines
    }

    func location(_ offset: Int) -> SourceLocation { lines.location(ofByteOffset: offset, file: path) }

    /// Calls `body` with the text's UTF-8 bytes, read in place (a native string's own storage).
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// A diagnostic at a byte range of this file.
    func diagnostic(_ message: String, start: Int, length: Int, hint: String? = nil, notes: [String] = []) -> Diagnostic {
        let location = location(start)
        return Diagnostic(
            .error, message, at: location, length: length, sourceLine: lines.lineText(location.line), hint: hint,
            notes: notes)
    }
}

/// The UTF-8 bytes of a string as a collection with integer offsets, without copying them
/// (`String.UTF8View` moves by offset in constant time for native strings).
struct SourceBytes: RandomAccessCollection, Sendable {
    let text: String
    let endIndex: Int

    init(text: String) {
        self.text = text
        self.endIndex = text.utf8.count
    }

    var startIndex: Int { 0 }

    subscript(position: Int) -> UInt8 {
        let utf8 = text.utf8
        return utf8[utf8.index(utf8.startIndex, offsetBy: position)]
    }
}

/// Line starts of a template's text and what diagnostics need from them: line and column of a byte
/// offset, and a line's text.
struct SourceLines: Sendable {
    let text: String
    let starts: [UInt32]
    /// Whether some line ends in "\r\n".
    let hasCarriageReturnNewline: Bool

    init(text: String) {
        self.text = text
        var starts: [UInt32] = [0]
        var carriageReturn = false
        var copy = text
        copy.withUTF8 { utf8 in
            starts.reserveCapacity(utf8.count / 32 + 1)
            guard let base = utf8.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let count = utf8.count
            // Eight bytes at a time, every newline of a word taken from one mask: lines are short,
            // so a search restarted after each newline would spend its time starting.
            let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            var offset = 0
            while offset + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ newlines
                // The high bit of each byte that is zero in `word` (exact: the sum never carries
                // from one byte into the next).
                var found = ~(((word & lows) &+ lows) | word | lows)
                while found != 0 {
                    let newline = offset + found.trailingZeroBitCount / 8
                    if newline > 0, base[newline - 1] == 0x0D { carriageReturn = true }
                    starts.append(UInt32(truncatingIfNeeded: newline + 1))
                    found &= found &- 1
                }
                offset += 8
            }
            while offset < count {
                if base[offset] == 0x0A {
                    if offset > 0, base[offset - 1] == 0x0D { carriageReturn = true }
                    starts.append(UInt32(truncatingIfNeeded: offset + 1))
                }
                offset += 1
            }
        }
        self.starts = starts
        self.hasCarriageReturnNewline = carriageReturn
    }

    /// A `SourceLocation` for a byte offset: 1-based line, column in Unicode scalars.
    func location(ofByteOffset offset: Int, file: String) -> SourceLocation {
        var copy = text
        return copy.withUTF8 { bytes in
            let clamped = max(0, min(offset, bytes.count))
            var low = 0
            var high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if Int(starts[mid]) <= clamped { low = mid } else { high = mid - 1 }
            }
            // Count scalars, not bytes: continuation bytes (10xxxxxx) do not start a scalar.
            var column = 1
            for index in Int(starts[low])..<clamped where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return SourceLocation(file: file, line: low + 1, column: column)
        }
    }

    /// The text of a 1-based line, without its line terminator; nil past the end.
    func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= starts.count else { return nil }
        var copy = text
        return copy.withUTF8 { bytes in
            let start = Int(starts[line - 1])
            var end = line < starts.count ? Int(starts[line]) - 1 : bytes.count
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
        }
    }
}
