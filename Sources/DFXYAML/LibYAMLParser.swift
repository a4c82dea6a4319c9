internal import CYAML
import DFXBasics

/// Owns one libyaml `yaml_parser_t` and a private copy of the input bytes, and hands out events.
///
/// Not `Sendable`: the C parser is mutable state. `init` creates it, `deinit` frees it; every call
/// of `yaml_parser_parse` goes through `next()`, which routes failures to `syntaxError()`.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let initialized: Bool
    /// The current event, which the last `YAMLEvent` handed out points into; deleted by the next
    /// `next()` call or by `deinit`.
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false
    let source: YAMLSource

    /// Prepares to parse `source.lines.bytes` (UTF-8, without a byte-order mark).
    init(source: YAMLSource) throws(DiagnosticError) {
        self.source = source
        let bytes = source.lines.bytes
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        input = .allocate(capacity: max(1, bytes.count))
        _ = input.initialize(from: bytes)
        initialized = yaml_parser_initialize(parser) == 1
        guard initialized else {
            throw DiagnosticError(Diagnostic(.error, "cannot start the YAML parser: out of memory", at: source.location(line: 1, column: 1)))
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        event.deallocate()
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; `.streamEnd` forever once the stream has ended. The event's texts point
    /// into C memory that stays valid until the following call.
    func next() throws(DiagnosticError) -> YAMLEvent {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw syntaxError() }
        holdsEvent = true
        let current = event.pointee
        var result = YAMLEvent(
            kind: .streamEnd,
            start: YAMLEvent.Mark(line: Int(current.start_mark.line), column: Int(current.start_mark.column)),
            end: YAMLEvent.Mark(line: Int(current.end_mark.line), column: Int(current.end_mark.column)))
        switch current.type {
        case YAML_STREAM_START_EVENT: result.kind = .streamStart
        case YAML_DOCUMENT_START_EVENT: result.kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: result.kind = .documentEnd
        case YAML_ALIAS_EVENT:
            result.kind = .alias
            result.anchorPointer = UnsafePointer(current.data.alias.anchor)
        case YAML_SCALAR_EVENT:
            let scalar = current.data.scalar
            result.kind = .scalar
            if let pointer = scalar.value, scalar.length > 0 {
                result.valueBytes = UnsafeBufferPointer(start: pointer, count: Int(scalar.length))
            }
            result.style = Self.style(scalar.style)
            result.tagPointer = UnsafePointer(scalar.tag)
            result.anchorPointer = UnsafePointer(scalar.anchor)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = current.data.sequence_start
            result.kind = .sequenceStart
            result.tagPointer = UnsafePointer(sequence.tag)
            result.anchorPointer = UnsafePointer(sequence.anchor)
        case YAML_SEQUENCE_END_EVENT: result.kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = current.data.mapping_start
            result.kind = .mappingStart
            result.tagPointer = UnsafePointer(mapping.tag)
            result.anchorPointer = UnsafePointer(mapping.anchor)
        case YAML_MAPPING_END_EVENT: result.kind = .mappingEnd
        default: break
        }
        return result
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The parser's current error as a diagnostic at libyaml's problem mark.
    private func syntaxError() -> DiagnosticError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return DiagnosticError(Diagnostic(.error, "out of memory while parsing YAML", at: source.location(line: 1, column: 1)))
        case YAML_READER_ERROR:
            var message = problem
            if state.problem_value != -1 {
                message += " (byte 0x" + String(UInt8(truncatingIfNeeded: state.problem_value), radix: 16, uppercase: true) + ")"
            }
            return YAMLSyntaxError(source: source, message: message, offset: Int(state.problem_offset)).error
        default:
            var error = YAMLSyntaxError(
                source: source, message: problem,
                line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1)
            if let context = state.context {
                error.context = String(cString: context)
                error.contextLine = Int(state.context_mark.line) + 1
                error.contextColumn = Int(state.context_mark.column) + 1
            }
            return error.error
        }
    }
}
