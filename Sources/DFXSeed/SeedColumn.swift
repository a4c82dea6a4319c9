/// One column of a seed: its header name and its SQL type.
public struct SeedColumn: Sendable, Hashable {
    /// The name exactly as written in the header (quoted as an identifier when loading).
    public var name: String
    /// The inferred type, or `.custom` when `column_types` names this column.
    public var type: SeedColumnType
    /// Whether `type` comes from `column_types` rather than inference.
    public var isOverridden: Bool { if case .custom = type { true } else { false } }

    /// A column named `name` of SQL type `type`.
    public init(name: String, type: SeedColumnType) {
        self.name = name
        self.type = type
    }
}
