import DFXBasics

extension SeedTable {
    /// Calls `body` with each data row's values as text, `nil` for NULL, in column order.
    public func forEachRecord(_ body: ([String?]) throws -> Void) throws {
        var values: [String?] = []
        values.reserveCapacity(columns.count)
        try withFields { buffer, fields in
            values.removeAll(keepingCapacity: true)
            for field in fields { values.append(nulls.isNull(field, in: buffer) ? nil : field.text(in: buffer)) }
            try body(values)
        }
    }

    /// Every data row's values as text (`nil` for NULL); for small seeds and tests.
    public func records() throws -> [[String?]] {
        var all: [[String?]] = []
        all.reserveCapacity(rowCount)
        try forEachRecord { all.append($0) }
        return all
    }

    /// Parses the data rows again (the file was validated when the table was made, so only `body`'s
    /// own errors are expected; a syntax problem would still come out as a located diagnostic).
    func withFields(_ body: (UnsafeBufferPointer<UInt8>, [CSVField]) throws -> Void) throws {
        let parser = CSVParser(delimiter: delimiter)
        do {
            try bytes.withUnsafeBufferPointer { buffer in
                try parser.parse(buffer, from: dataStart) { fields, _ in try body(buffer, fields) }
            }
        } catch let problem as CSVProblem {
            throw DiagnosticError(Self.diagnostics(for: [problem], in: bytes, path: path))
        }
    }
}
