import DFXSQL

/// PostgreSQL's built-in type OIDs that dfx names and decodes (from `pg_type.dat`; fixed across
/// server versions).
enum PostgresType {
    static let bool: UInt32 = 16
    static let bytea: UInt32 = 17
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let oid: UInt32 = 26
    static let json: UInt32 = 114
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let date: UInt32 = 1082
    static let timestamp: UInt32 = 1114
    static let timestamptz: UInt32 = 1184
    static let numeric: UInt32 = 1700
    static let jsonb: UInt32 = 3802

    private static let names: [UInt32: String] = [
        16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4", 25: "text", 26: "oid",
        114: "json", 700: "float4", 701: "float8", 705: "unknown", 1042: "bpchar", 1043: "varchar", 1082: "date",
        1083: "time", 1114: "timestamp", 1184: "timestamptz", 1186: "interval", 1266: "timetz", 1700: "numeric",
        2950: "uuid", 3802: "jsonb",
    ]

    /// The type's name (`int4`), or `oid:NNN` for one dfx does not know.
    static func name(oid: UInt32) -> String { names[oid] ?? "oid:\(oid)" }

    /// Decodes the text-format value `text` of a column of type `oid`.
    static func decode(oid: UInt32, text: UnsafeBufferPointer<UInt8>) -> SQLValue {
        let string = String(decoding: text, as: UTF8.self)
        switch oid {
        case bool: return .bool(string == "t" || string == "true")
        case int2, int4, int8, self.oid:
            if let value = Int64(string) { return .int(value) }
            return .decimal(string)
        case float4, float8: return .double(parseDouble(string))
        case numeric: return .decimal(string)
        case date: return .date(string)
        case timestamp: return .timestamp(string)
        case timestamptz: return .timestampWithTimeZone(string)
        case json, jsonb: return .json(string)
        case bytea: return .bytes(decodeBytea(text))
        default: return .text(string)
        }
    }

    static func parseDouble(_ text: String) -> Double {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text) ?? .nan
        }
    }

    /// `bytea` in the hex output format (`\x0a1b`), the server default since 9.0; the legacy
    /// escape format (`bytea_output = escape`) is decoded too.
    static func decodeBytea(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") {
            var bytes: [UInt8] = []
            bytes.reserveCapacity((text.count - 2) / 2)
            var index = 2
            while index + 1 < text.count {
                guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { break }
                bytes.append(high << 4 | low)
                index += 2
            }
            return bytes
        }
        var bytes: [UInt8] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\\"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "\\") {
                bytes.append(byte)
                index += 2
            } else if byte == UInt8(ascii: "\\"), index + 3 < text.count {
                let digits = text[(index + 1)...(index + 3)].map { $0 &- UInt8(ascii: "0") }
                bytes.append(digits[0] &<< 6 | digits[1] &<< 3 | digits[2])
                index += 4
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
