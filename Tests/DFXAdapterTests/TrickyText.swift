/// Text that breaks naive quoting, escaping and COPY encoding, for round-trip tests.
enum TrickyText {
    static let pieces: [String] = [
        "plain", "", "tab\there", "new\nline", "crlf\r\n", "back\\slash", "\\N", "\\.", "'single'", "\"double\"",
        "it's", "Robert'); drop table students;--", "$1", "?", "é ü ß", "日本語", "🚀✓", "comma,semi;colon", "NULL",
        "trailing space ", " ", "\\x00ff", "%s %d", "-- comment", "/* c */", "E'\\n'",
    ]

    /// A deterministic tricky string for row `index`, mixing two pieces and the index itself.
    static func value(_ index: Int) -> String {
        pieces[index % pieces.count] + String(index) + pieces[(index / pieces.count) % pieces.count]
    }
}
