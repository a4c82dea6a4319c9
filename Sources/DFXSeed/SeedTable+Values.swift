extension SeedTable {
    /// Calls `body` with each data row as values typed for SQLite parameters (see `SeedValue`), one
    /// per column, for a single prepared `INSERT` run in one transaction. The array is reused.
    public func forEachRow(_ body: ([SeedValue]) throws -> Void) throws {
        let types = columns.map(\.type)
        var values: [SeedValue] = []
        values.reserveCapacity(types.count)
        try withFields { buffer, fields in
            values.removeAll(keepingCapacity: true)
            for (column, field) in fields.enumerated() {
                values.append(nulls.isNull(field, in: buffer) ? .null : Self.value(buffer, field, as: types[column]))
            }
            try body(values)
        }
    }

    static func value(_ buffer: UnsafeBufferPointer<UInt8>, _ field: CSVField, as type: SeedColumnType) -> SeedValue {
        switch type {
        case .integer:
            if let number = Int64(field.text(in: buffer)) { return .integer(number) }
        case .decimal:
            // Beyond Double's range the text goes as is (SQLite's numeric affinity then decides).
            if let number = Double(field.text(in: buffer)), number.isFinite { return .real(number) }
        case .boolean:
            return .integer(buffer[field.start] | 0x20 == UInt8(ascii: "t") ? 1 : 0)
        case .date, .timestamp, .timestampWithTimeZone, .text, .custom:
            break
        }
        return .text(field.text(in: buffer))
    }
}
