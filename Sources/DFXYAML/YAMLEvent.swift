/// One libyaml parser event: a view of the parser's current C event.
///
/// Plain data (numbers and pointers into the C event), so that passing an event around copies a
/// few words and nothing is retained or released per event. The texts are made into `String`s
/// only when asked for, and the pointers stay valid until the parser's next `next()` call: the
/// builder finishes with an event before asking for the next one.
struct YAMLEvent {
    /// A 0-based libyaml position; columns count characters, not bytes.
    struct Mark {
        var line: Int
        var column: Int
    }

    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        /// `anchor` is the alias's name.
        case alias
        case scalar
        case sequenceStart
        case sequenceEnd
        case mappingStart
        case mappingEnd
    }

    var kind: Kind
    var start: Mark
    var end: Mark
    /// A scalar's style.
    var style: YAMLScalarStyle = .plain
    /// A scalar's UTF-8 text (empty for other events).
    var valueBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The explicit tag of a scalar, sequence or mapping (NUL-terminated), or nil.
    var tagPointer: UnsafePointer<UInt8>? = nil
    /// The anchor of a scalar, sequence or mapping, or the name an alias refers to, or nil.
    var anchorPointer: UnsafePointer<UInt8>? = nil

    /// A scalar's text ("" for other events).
    var value: String { valueBytes.isEmpty ? "" : String(decoding: valueBytes, as: UTF8.self) }
    /// The explicit tag.
    var tag: String? { tagPointer.map { String(cString: $0) } }
    /// The anchor (or an alias's name).
    var anchor: String? { anchorPointer.map { String(cString: $0) } }
}
