/// A problem found while lexing or parsing, at a byte range of the source.
struct SyntaxError: Error {
    var message: String
    var start: Int
    var length: Int
    var hint: String?
    var notes: [String] = []

    init(_ message: String, at start: Int, length: Int, hint: String? = nil, notes: [String] = []) {
        self.message = message
        self.start = start
        self.length = length
        self.hint = hint
        self.notes = notes
    }
}
