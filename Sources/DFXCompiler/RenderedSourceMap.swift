/// Maps a position in a node's rendered SQL back to the template it was rendered from, so that a
/// database error (PostgreSQL's statement position, SQLite's `sqlite3_error_offset`) points at the
/// model file's line and column rather than at the compiled SQL.
///
/// The map is recovered after the fact by aligning the template's literal text (everything outside
/// `{{ }}`, `{% %}` and `{# #}`, trimmed of the whitespace that `-` controls may strip) with the
/// rendered output, last piece first, so that CTEs of ephemeral models prepended to the SQL never
/// capture the model's own text. A position inside aligned literal text maps to the exact character;
/// a position in text produced by a tag (`{{ ref('x') }}`, a loop's output) maps to the first tag after
/// the preceding literal piece. Text repeated by a loop maps to its last repetition's template text,
/// which is the same text. Building the map costs one pass over the template and one backwards search
/// per literal piece, and is only done when an error needs it.
public struct RenderedSourceMap: Sendable {
    /// A literal piece of the template found in the output: offsets in Unicode scalars.
    struct Piece: Sendable, Equatable {
        var sourceStart: Int
        var outputStart: Int
        var length: Int
    }

    let pieces: [Piece]
    /// Where each tag of the template starts (offsets in scalars, ascending) and whether it is an
    /// expression (`{{`), whose output is the likelier culprit than a statement's.
    let tags: [(start: Int, isExpression: Bool)]

    /// Aligns `template` (the model file's text) with `rendered` (what rendering it produced).
    public init(template: String, rendered: String) {
        let source = Array(template.unicodeScalars)
        let output = Array(rendered.unicodeScalars)
        let (literals, tags) = Self.scan(source)
        var found: [Piece] = []
        var cursor = output.count
        for literal in literals.reversed() {
            let text = source[literal.start..<(literal.start + literal.length)]
            guard let at = Self.lastOccurrence(of: text, in: output, before: cursor) else { continue }
            found.append(Piece(sourceStart: literal.start, outputStart: at, length: literal.length))
            cursor = at
        }
        pieces = found.reversed()
        self.tags = tags
    }

    /// The template offset (in Unicode scalars) that produced the output at `offset` (0-based, in
    /// scalars), or nil when the map knows nothing of it.
    public func sourceOffset(forRenderedOffset offset: Int) -> Int? {
        guard offset >= 0 else { return nil }
        // The last piece starting at or before `offset`.
        var low = 0
        var high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].outputStart <= offset { low = middle + 1 } else { high = middle }
        }
        let before = low > 0 ? pieces[low - 1] : nil
        if let before, offset < before.outputStart + before.length {
            return before.sourceStart + (offset - before.outputStart)
        }
        // Produced by a tag between the previous literal piece and the next: the first expression
        // among them, else the first tag.
        let after = before.map { $0.sourceStart + $0.length } ?? 0
        let limit = low < pieces.count ? pieces[low].sourceStart : Int.max
        let between = tags.filter { $0.start >= after && $0.start < limit }
        if let tag = between.first(where: \.isExpression) ?? between.first { return tag.start }
        return low < pieces.count ? pieces[low].sourceStart : nil
    }

    /// The template's literal pieces (trimmed, non-empty) and the start of every tag.
    static func scan(_ source: [Unicode.Scalar]) -> (literals: [(start: Int, length: Int)], tags: [(start: Int, isExpression: Bool)]) {
        var literals: [(start: Int, length: Int)] = []
        var tags: [(start: Int, isExpression: Bool)] = []
        var textStart = 0
        var index = 0
        func addLiteral(_ start: Int, _ end: Int) {
            var first = start
            var last = end
            while first < last, source[first].properties.isWhitespace { first += 1 }
            while last > first, source[last - 1].properties.isWhitespace { last -= 1 }
            if last > first { literals.append((first, last - first)) }
        }
        while index + 1 < source.count {
            guard source[index] == "{", let close = Self.closer(source[index + 1]) else {
                index += 1
                continue
            }
            addLiteral(textStart, index)
            tags.append((index, source[index + 1] == "{"))
            var end = index + 2
            while end + 1 < source.count, !(source[end] == close && source[end + 1] == "}") { end += 1 }
            index = min(end + 2, source.count)
            textStart = index
        }
        addLiteral(textStart, source.count)
        return (literals, tags)
    }

    static func closer(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "{": return "}"
        case "%": return "%"
        case "#": return "#"
        default: return nil
        }
    }

    /// Where `needle` last occurs entirely before `limit` in `haystack`.
    static func lastOccurrence(of needle: ArraySlice<Unicode.Scalar>, in haystack: [Unicode.Scalar], before limit: Int) -> Int? {
        let count = needle.count
        guard count > 0, count <= limit else { return nil }
        var start = limit - count
        let first = needle.startIndex
        while start >= 0 {
            if haystack[start] == needle[first] {
                var matched = 1
                while matched < count, haystack[start + matched] == needle[first + matched] { matched += 1 }
                if matched == count { return start }
            }
            start -= 1
        }
        return nil
    }
}
