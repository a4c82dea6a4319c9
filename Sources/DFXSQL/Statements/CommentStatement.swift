/// `comment on table|view <relation> is '...'` or `comment on column <relation>."c" is '...'`
/// (persist_docs). A nil text removes the comment (`is null`). SQLite has no comments: it renders
/// no statement (see `SQLDialect.supportsComments`).
public struct CommentStatement: SQLStatement, Hashable {
    /// What the comment is attached to.
    public enum Target: Sendable, Hashable {
        case relation(RelationName, RelationType)
        case column(RelationName, String)
    }

    public var target: Target
    public var text: String?

    public init(target: Target, text: String?) {
        self.target = target
        self.text = text
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        guard dialect.supportsComments else { return [] }
        let subject: String
        switch target {
        case .relation(let relation, let type):
            try type.check(in: dialect)
            subject = type.keyword + " " + relation.rendered(dialect)
        case .column(let relation, let column):
            subject = "column " + relation.rendered(dialect) + "." + dialect.quoteIdentifier(column)
        }
        return ["comment on " + subject + " is " + (text.map(dialect.quoteLiteral) ?? "null")]
    }
}
