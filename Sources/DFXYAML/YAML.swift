public import DFXBasics

/// Entry points: parse YAML text into marked node trees.
///
/// ```swift
/// guard let root = try YAML.parse(text, file: "models/schema.yml") else { return } // empty file
/// var reader = try YAMLMappingReader(root, context: "schema file")
/// let version = try reader.int("version")
/// ```
public enum YAML {
    /// Every document of a stream, in order. An empty stream has no documents; an explicit empty
    /// document (`---` alone) is a null scalar.
    public static func parseDocuments(
        _ text: String, file: String, options: YAMLParseOptions = .init()
    ) throws(DiagnosticError) -> [YAMLNode] {
        try parseDocuments(bytes: Array(text.utf8), file: file, options: options)
    }

    /// Every document of a stream of UTF-8 bytes (a leading byte-order mark is ignored).
    public static func parseDocuments(
        bytes: [UInt8], file: String, options: YAMLParseOptions = .init()
    ) throws(DiagnosticError) -> [YAMLNode] {
        try build(bytes: bytes, file: file, options: options).documents
    }

    /// The single document of a stream, or nil for an empty stream (no content, or only comments),
    /// like PyYAML's `safe_load` returning `None`. A second document is an error.
    public static func parse(
        _ text: String, file: String, options: YAMLParseOptions = .init()
    ) throws(DiagnosticError) -> YAMLNode? {
        try parse(bytes: Array(text.utf8), file: file, options: options)
    }

    /// The single document of a stream of UTF-8 bytes; see `parse(_:file:options:)`.
    public static func parse(
        bytes: [UInt8], file: String, options: YAMLParseOptions = .init()
    ) throws(DiagnosticError) -> YAMLNode? {
        let result = try build(bytes: bytes, file: file, options: options)
        guard result.documents.count <= 1 else {
            let starts = result.documentStarts
            let first = starts.first ?? result.documents[0].location
            let second = starts.dropFirst().first ?? result.documents[1].location
            throw DiagnosticError(
                Diagnostic(
                    .error, "expected a single document, but found another document", at: second,
                    length: 3, sourceLine: result.source.lineText(second.line),
                    notes: ["the first document starts at \(first)"]))
        }
        return result.documents.first
    }

    private static func build(
        bytes: [UInt8], file: String, options: YAMLParseOptions
    ) throws(DiagnosticError) -> YAMLTreeBuilder.Result {
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let source = YAMLSource(file: file, bytes: content)
        var builder = YAMLTreeBuilder(parser: try LibYAMLParser(source: source), options: options)
        return try builder.run()
    }
}
