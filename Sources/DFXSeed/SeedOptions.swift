import DFXBasics

/// How to read one seed: dbt's `delimiter` and `column_types` configs.
public struct SeedOptions: Sendable, Hashable {
    /// The field separator, one ASCII byte (dbt's `delimiter`, default `,`).
    public var delimiter: UInt8
    /// Column name → SQL type, exactly as configured; these columns skip inference.
    public var columnTypes: [String: String]
    /// Unquoted values read as NULL besides the empty field, compared ignoring ASCII case; none by
    /// default, so no text is lost. dbt's agate reader also reads `null` as NULL: `["null"]` does that
    /// (a quoted `"null"` stays text).
    public var nullValues: [String]
    /// Where `column_types` was written (a properties file or dbt_project.yml), for its diagnostics.
    public var columnTypesLocation: SourceLocation?

    /// Options with dbt's defaults: comma-separated, every column inferred.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","), columnTypes: [String: String] = [:],
        columnTypesLocation: SourceLocation? = nil, nullValues: [String] = []
    ) {
        self.nullValues = nullValues
        self.delimiter = delimiter
        self.columnTypes = columnTypes
        self.columnTypesLocation = columnTypesLocation
    }

    /// The delimiter byte for dbt's `delimiter` config string: exactly one ASCII character other than
    /// a quote, CR or LF (`"\t"` as written in YAML gives a tab).
    public static func delimiter(from config: String, at location: SourceLocation? = nil) throws -> UInt8 {
        let bytes = Array(config.utf8)
        guard bytes.count == 1, let byte = bytes.first, byte < 0x80,
            byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r")
        else {
            throw DiagnosticError(
                Diagnostic(
                    .error, "seed delimiter must be one ASCII character other than a quote or a line break, found '\(config)'",
                    at: location, hint: "use e.g. delimiter: \";\" or delimiter: \"\\t\""))
        }
        return byte
    }
}
