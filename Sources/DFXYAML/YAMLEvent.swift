/// One libyaml parser event, copied out of C memory into Swift values.
///
/// Flat fields rather than an enum with payloads: the builder reads each field where it needs it,
/// and no payload is copied out (and retained) by pattern matching on every event.
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
    /// A scalar's text ("" for other events).
    var value: String = ""
    /// A scalar's style.
    var style: YAMLScalarStyle = .plain
    /// The explicit tag of a scalar, sequence or mapping.
    var tag: String? = nil
    /// The anchor of a scalar, sequence or mapping; the name an alias refers to.
    var anchor: String? = nil
}
