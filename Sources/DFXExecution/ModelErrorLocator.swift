import DFXBasics
import DFXCompiler
import DFXSQL

/// Turns a database error raised by a model's SQL into a diagnostic at the model file's line and
/// column: the position the database reported in the executed statement is moved into the compiled
/// SQL (found inside the statement: `create table ... as (<compiled>)`), then mapped back through the
/// template with `RenderedSourceMap`.
struct ModelErrorLocator {
    let node: Node
    /// The SQL the model compiled to, exactly as embedded in the statements that ran.
    let compiledSQL: String
    /// The path of the file holding the executed SQL (`target/run/...`), for the note.
    let runPath: String?

    /// The diagnostic for `error`, or nil when its position is not inside the compiled SQL (the
    /// failure is in dfx's own wrapping statement, or the database gave no position).
    func diagnostic(for error: DatabaseError) -> Diagnostic? {
        guard node.resourceType == .model, !node.rawCode.isEmpty else { return nil }
        let offset: Int
        if let position = error.position, position > 0 {
            guard let statement = error.statement, let range = statement.range(of: compiledSQL) else { return nil }
            let compiledStart = statement.unicodeScalars.distance(from: statement.startIndex, to: range.lowerBound)
            offset = position - 1 - compiledStart
        } else if let named = Self.uniqueNamedToken(in: error.message, within: compiledSQL) {
            offset = named
        } else {
            return nil
        }
        guard offset >= 0, offset < compiledSQL.unicodeScalars.count else { return nil }
        let map = RenderedSourceMap(template: node.rawCode, rendered: compiledSQL)
        guard let sourceOffset = map.sourceOffset(forRenderedOffset: offset) else { return nil }
        let source = ScalarPosition(offset: sourceOffset, in: node.rawCode)
        let compiled = ScalarPosition(offset: offset, in: compiledSQL)
        var message = "database error"
        if let code = error.code { message += " " + code }
        message += ": " + error.message
        var notes: [String] = []
        if let detail = error.detail, !detail.isEmpty { notes.append("detail: " + detail) }
        notes.append(
            "the database reported line \(compiled.line), column \(compiled.column) of the compiled SQL"
                + (runPath.map { " (executed statements in \($0))" } ?? ""))
        let location = SourceLocation(
            file: node.location.file, line: node.location.line + source.line - 1,
            column: source.line == 1 ? node.location.column + source.column - 1 : source.column)
        return Diagnostic(.error, message, at: location, sourceLine: source.lineText, hint: error.hint, notes: notes)
    }

    /// SQLite gives no position for some errors (a view's missing column is found while the view
    /// is created): when the message names the culprit (`no such column: amont`, `no such table:
    /// main.x`) and that name occurs exactly once in the compiled SQL as a word, its offset.
    static func uniqueNamedToken(in message: String, within sql: String) -> Int? {
        let prefixes = ["no such column: ", "no such table: ", "no such function: "]
        guard let prefix = prefixes.first(where: { message.hasPrefix($0) }) else { return nil }
        var name = String(message.dropFirst(prefix.count))
        if let dot = name.lastIndex(of: "."), prefix != "no such column: " { name = String(name[name.index(after: dot)...]) }
        let needle = Array(name.unicodeScalars)
        let scalars = Array(sql.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar) }
        var found: [Int] = []
        for start in 0...(scalars.count - needle.count) where scalars[start] == needle[0] {
            guard Array(scalars[start..<(start + needle.count)]) == needle else { continue }
            let end = start + needle.count
            if start > 0, isWord(scalars[start - 1]) { continue }
            if end < scalars.count, isWord(scalars[end]) { continue }
            found.append(start)
        }
        return found.count == 1 ? found[0] : nil
    }
}
