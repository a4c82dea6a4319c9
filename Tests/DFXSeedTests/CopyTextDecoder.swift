/// PostgreSQL's COPY text-format reader, for the round trip (the escapes dfx writes, plus `\b \f \v`).
enum CopyTextDecoder {
    struct Malformed: Error {}

    static func decode(_ bytes: [UInt8]) throws -> [[String?]] {
        var rows: [[String?]] = []
        var row: [String?] = []
        var field: [UInt8] = []
        var isNull = false
        var index = 0
        func endField() {
            row.append(isNull ? nil : String(decoding: field, as: UTF8.self))
            field.removeAll()
            isNull = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\t"): endField()
            case UInt8(ascii: "\n"):
                endField()
                rows.append(row)
                row.removeAll()
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Malformed() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "N"): isNull = true
                case UInt8(ascii: "t"): field.append(9)
                case UInt8(ascii: "n"): field.append(10)
                case UInt8(ascii: "r"): field.append(13)
                case UInt8(ascii: "b"): field.append(8)
                case UInt8(ascii: "f"): field.append(12)
                case UInt8(ascii: "v"): field.append(11)
                default: field.append(escaped)
                }
            default: field.append(byte)
            }
        }
        guard row.isEmpty, field.isEmpty else { throw Malformed() }
        return rows
    }
}
