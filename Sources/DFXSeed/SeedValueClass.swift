/// Which inferred types one non-empty value could belong to, as a bit set; a column's type is the
/// first type (in `SeedColumnType` order) that every one of its values allows.
struct SeedValueClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static let integer = SeedValueClass(rawValue: 1 << 0)
    static let decimal = SeedValueClass(rawValue: 1 << 1)
    static let boolean = SeedValueClass(rawValue: 1 << 2)
    static let date = SeedValueClass(rawValue: 1 << 3)
    static let timestamp = SeedValueClass(rawValue: 1 << 4)
    static let timestampWithTimeZone = SeedValueClass(rawValue: 1 << 5)
    static let all: SeedValueClass = [.integer, .decimal, .boolean, .date, .timestamp, .timestampWithTimeZone]

    /// The column type for the intersection of all its values' classes; `text` when nothing is left.
    var columnType: SeedColumnType {
        if contains(.integer) { return .integer }
        if contains(.decimal) { return .decimal }
        if contains(.boolean) { return .boolean }
        if contains(.date) { return .date }
        if contains(.timestamp) { return .timestamp }
        if contains(.timestampWithTimeZone) { return .timestampWithTimeZone }
        return .text
    }
}
