/// `insert into <relation> ("a", "b") values ($1, $2), ($3, $4)`: rows of bound parameters
/// (`SQLDialect.placeholder`), numbered row by row, for loading seeds through one prepared
/// statement. Values are never pasted into the text.
public struct InsertValuesStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var columns: [String]
    /// How many rows one execution inserts (at least 1).
    public var rowCount: Int

    public init(relation: RelationName, columns: [String], rowCount: Int = 1) {
        self.relation = relation
        self.columns = columns
        self.rowCount = rowCount
    }

    /// How many parameters one execution binds (`Int.max` when that does not fit in an `Int`).
    public var parameterCount: Int {
        let (product, overflow) = columns.count.multipliedReportingOverflow(by: max(rowCount, 0))
        return overflow ? Int.max : product
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        guard !columns.isEmpty else { throw SQLRenderError("insert into \(relation) needs at least one column") }
        guard rowCount >= 1 else { throw SQLRenderError("insert into \(relation) needs at least one row") }
        // SQLite's limit on numbered parameters; PostgreSQL's protocol allows 65535.
        let limit = dialect.kind == .sqlite ? 32_766 : 65_535
        guard parameterCount <= limit else {
            throw SQLRenderError(
                "insert into \(relation) would bind \(parameterCount) parameters, more than \(dialect.kind.rawValue)'s \(limit)",
                hint: "insert fewer rows per statement")
        }
        let rows = (0..<rowCount).map { row in
            "(" + columns.indices.map { dialect.placeholder(row * columns.count + $0 + 1) }.joined(separator: ", ") + ")"
        }
        return [
            "insert into " + relation.rendered(dialect) + " (" + columns.map(dialect.quoteIdentifier).joined(separator: ", ")
                + ")\nvalues " + rows.joined(separator: ",\n       ")
        ]
    }
}
