/// `create [unlogged] table <relation> as <select>`.
///
/// `unlogged` (PostgreSQL: no WAL, faster to build, emptied after a crash) suits intermediate
/// relations that are dropped before the run ends (a renamed unlogged table stays unlogged, so
/// never swap one in as a model's table); it is ignored where `supportsUnloggedTables` is false. The select is not wrapped in
/// parentheses: SQLite does not accept a parenthesized select there.
public struct CreateTableAsStatement: SQLStatement, Hashable {
    public var relation: RelationName
    public var select: String
    public var unlogged: Bool

    public init(relation: RelationName, select: String, unlogged: Bool = false) {
        self.relation = relation
        self.select = select
        self.unlogged = unlogged
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        let kind = unlogged && dialect.supportsUnloggedTables ? "create unlogged table " : "create table "
        return [kind + relation.rendered(dialect) + " as\n" + select]
    }
}
