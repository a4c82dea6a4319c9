/// A column of a query result: its name and the warehouse's name for its type.
public struct SQLColumn: Sendable, Hashable {
    /// The column's name as the statement labels it.
    public var name: String
    /// The type name: PostgreSQL's (`int4`, `numeric`, `timestamptz`, or `oid:NNN` for a type dfx
    /// does not name), SQLite's declared type (`INTEGER`, `TEXT`), or empty when there is none
    /// (an expression in SQLite).
    public var typeName: String

    public init(name: String, typeName: String) {
        self.name = name
        self.typeName = typeName
    }
}
