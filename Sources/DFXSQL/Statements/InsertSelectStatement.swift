/// `insert into <relation> ("a", "b") select "a", "b" from <source>`: appends the source's rows,
/// column by column by name (never by position, so a source with reordered or extra columns
/// still lands right).
public struct InsertSelectStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var columns: [String]
    public var source: SQLSource

    public init(relation: RelationName, columns: [String], source: SQLSource) {
        self.relation = relation
        self.columns = columns
        self.source = source
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        guard !columns.isEmpty else { throw SQLRenderError("insert into \(relation) needs at least one column") }
        let alias = dialect.quoteIdentifier(IncrementalAliases.source)
        let list = columns.map(dialect.quoteIdentifier).joined(separator: ", ")
        let selected = columns.map { alias + "." + dialect.quoteIdentifier($0) }.joined(separator: ", ")
        return [
            "insert into " + relation.rendered(dialect) + " (" + list + ")\n"
                + "select " + selected + "\nfrom " + source.rendered(dialect, alias: IncrementalAliases.source)
        ]
    }
}
