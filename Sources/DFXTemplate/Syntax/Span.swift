/// A byte range in the source file of the function being executed.
struct Span: Sendable {
    var start: Int32
    var length: Int32

    init(_ start: Int, _ end: Int) {
        self.start = Int32(clamping: start)
        self.length = Int32(clamping: max(1, end - start))
    }

    func through(_ other: Span) -> Span {
        Span(Int(start), max(Int(start + length), Int(other.start + other.length)))
    }
}
