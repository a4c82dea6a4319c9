/// A column of a relation as the warehouse reports it: the name and the type text that
/// `AddColumnStatement` can write back (`character varying(20)`; on SQLite the declared type,
/// possibly empty).
public struct RelationColumn: Sendable, Hashable {
    public var name: String
    public var dataType: String

    public init(name: String, dataType: String) {
        self.name = name
        self.dataType = dataType
    }
}
