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
    let source: YAMLSource

    /// Prepares to parse `source.lines.bytes` (UTF-8, without a byte-order mark).
    init(source: YAMLSource) throws(DiagnosticError) {
        self.source = source
        let bytes = source.lines.bytes
        parser = .allocate(capacity: 1)
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
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; `.streamEnd` forever once the stream has ended.
    func next() throws(DiagnosticError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        let start = YAMLEvent.Mark(line: Int(event.start_mark.line), column: Int(event.start_mark.column))
        let end = YAMLEvent.Mark(line: Int(event.end_mark.line), column: Int(event.end_mark.column))
        var result = YAMLEvent(kind: .streamEnd, start: start, end: end)
        switch event.type {
        case YAML_STREAM_START_EVENT: result.kind = .streamStart
        case YAML_DOCUMENT_START_EVENT: result.kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: result.kind = .documentEnd
        case YAML_ALIAS_EVENT:
            result.kind = .alias
            result.anchor = Self.string(event.data.alias.anchor) ?? ""
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            result.kind = .scalar
            if let pointer = scalar.value, scalar.length > 0 {
                result.value = String(decoding: UnsafeBufferPointer(start: pointer, count: Int(scalar.length)), as: UTF8.self)
            }
            result.style = Self.style(scalar.style)
            result.tag = Self.string(scalar.tag)
            result.anchor = Self.string(scalar.anchor)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            result.kind = .sequenceStart
            result.tag = Self.string(sequence.tag)
            result.anchor = Self.string(sequence.anchor)
        case YAML_SEQUENCE_END_EVENT: result.kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            result.kind = .mappingStart
            result.tag = Self.string(mapping.tag)
            result.anchor = Self.string(mapping.anchor)
        case YAML_MAPPING_END_EVENT: result.kind = .mappingEnd
        default: break
        }
        return result
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
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
