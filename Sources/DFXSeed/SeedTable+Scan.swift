import DFXBasics

extension SeedTable {
    /// The single validating pass: UTF-8, header, column_types, then every row's shape and values.
    static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, parser: CSVParser, path: String, options: SeedOptions
    ) throws -> (columns: [SeedColumn], rows: Int, dataStart: Int, headerOffsets: [Int]) {
        let delimiter = parser.delimiter
        guard delimiter < 0x80, delimiter != CSVParser.quote, delimiter != CSVParser.lineFeed, delimiter != CSVParser.carriageReturn else {
            throw DiagnosticError(
                Diagnostic(
                    .error, "seed delimiter must be one ASCII character other than a quote or a line break, found byte \(delimiter)",
                    hint: "use e.g. delimiter: \";\" or delimiter: \"\\t\""))
        }
        if let problem = UTF8Validation.firstProblem(in: buffer) { throw problem }
        var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var header: [CSVField] = []
        guard try parser.nextRecord(buffer, at: &index, into: &header) != nil else {
            throw CSVProblem(
                offset: 0, message: "seed file is empty: a header row is required",
                hint: "write the column names on the first line, separated by '\(Self.printable(parser.delimiter))'")
        }
        let names = header.map { $0.text(in: buffer) }
        try checkHeader(fields: header, names: names)
        let overrides = try checkColumnTypes(options, names: names, path: path)
        let headerEnd = index
        let width = names.count
        var classes = names.map { overrides[$0] == nil ? SeedValueClass.all : [] }
        var seen = [Bool](repeating: false, count: width)
        var rows = 0
        let nulls = NullMarkers(options.nullValues)
        try parser.parse(buffer, from: headerEnd) { fields, _ in
            guard fields.count == width else { throw raggedRow(fields, width: width, delimiter: delimiter) }
            for column in 0..<width {
                let field = fields[column]
                if nulls.isNull(field, in: buffer) { continue }
                seen[column] = true
                if classes[column].isEmpty { continue }
                if field.hasDoubledQuotes {
                    classes[column] = []
                } else {
                    classes[column].formIntersection(SeedValueClassifier.classify(buffer, field.start, field.end))
                }
            }
            rows += 1
        }
        var columns: [SeedColumn] = []
        for (column, name) in names.enumerated() {
            if let type = overrides[name] {
                columns.append(SeedColumn(name: name, type: .custom(type)))
            } else {
                columns.append(SeedColumn(name: name, type: seen[column] ? classes[column].columnType : .text))
            }
        }
        return (columns, rows, headerEnd, header.map(\.origin))
    }

    /// Every header name non-empty and unique (ignoring case: SQLite's identifiers do).
    private static func checkHeader(fields: [CSVField], names: [String]) throws {
        var problems: [CSVProblem] = []
        var firstSeen: [String: Int] = [:]
        for (column, name) in names.enumerated() {
            let field = fields[column]
            if name.isEmpty {
                problems.append(
                    CSVProblem(
                        offset: field.origin, message: "column \(column + 1) of the header has no name",
                        hint: "every seed column needs a name in the first line"))
                continue
            }
            let key = name.lowercased()
            if let first = firstSeen[key] {
                problems.append(
                    CSVProblem(
                        offset: field.origin, message: "duplicate column name '\(name)' in the header", hint: "rename one of the columns",
                        notes: ["column \(first + 1) is named '\(names[first])' (column names are compared ignoring case)"],
                        end: field.isQuoted ? field.end + 1 : field.end))
            } else {
                firstSeen[key] = column
            }
        }
        guard problems.isEmpty else { throw CSVProblems(problems: problems) }
    }

    /// `column_types` entries: each must name a header column and give a type.
    private static func checkColumnTypes(_ options: SeedOptions, names: [String], path: String) throws -> [String: String] {
        var diagnostics: [Diagnostic] = []
        for (name, type) in options.columnTypes.sorted(by: { $0.key < $1.key }) {
            if !names.contains(name) {
                let hint = Suggestions.hint(for: name, in: names) ?? "the seed's columns are " + names.map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .error, "column_types names '\(name)', which is not a column of seed \(path)", at: options.columnTypesLocation,
                        hint: hint))
            } else if type.allSatisfy({ $0 == " " }) {
                diagnostics.append(
                    Diagnostic(.error, "column_types gives no type for column '\(name)'", at: options.columnTypesLocation,
                               hint: "write a SQL type such as varchar(10) or numeric(12,2)"))
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return options.columnTypes
    }

    private static func raggedRow(_ fields: [CSVField], width: Int, delimiter: UInt8) -> CSVProblem {
        let message = "this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(width)"
        if fields.count > width {
            let last = fields[fields.count - 1]
            return CSVProblem(
                offset: fields[width].origin, message: message,
                hint: "quote values that contain '\(printable(delimiter))'", end: last.isQuoted ? last.end + 1 : last.end)
        }
        let last = fields[fields.count - 1]
        return CSVProblem(
            offset: last.isQuoted ? last.end + 1 : last.end, message: message,
            hint: "write an empty field for a NULL value ('\(printable(delimiter))\(printable(delimiter))')")
    }

    static func printable(_ delimiter: UInt8) -> String {
        delimiter == UInt8(ascii: "\t") ? "\\t" : String(decoding: [delimiter], as: UTF8.self)
    }
}
