/// One libyaml parser event, copied out of C memory into Swift values.
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
        case alias(anchor: String)
        case scalar(value: String, style: YAMLScalarStyle, tag: String?, anchor: String?)
        case sequenceStart(tag: String?, anchor: String?)
        case sequenceEnd
        case mappingStart(tag: String?, anchor: String?)
        case mappingEnd
    }

    var kind: Kind
    var start: Mark
    var end: Mark
}
