/// `select count(*) as row_count from <relation>`: how many rows a relation holds now.
public struct RowCountQuery: SQLStatement, Hashable {
    public var relation: RelationName

    public init(relation: RelationName) {
        self.relation = relation
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        ["select count(*) as row_count from " + relation.rendered(dialect)]
    }

    /// The count in the query's row (0 when there is none).
    public static func decode(_ rows: [[String?]]) -> Int {
        rows.first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0
    }
}
