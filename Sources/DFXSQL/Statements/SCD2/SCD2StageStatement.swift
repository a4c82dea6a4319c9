/// Stages a snapshot's source once: `create [unlogged] table <stage> as select * from (<select>)`,
/// then (PostgreSQL) `analyze <stage>` so that the joins that follow are planned on real row
/// counts. Every later step reads the stage, never the source again, so one run sees one
/// consistent state of the source. The stage is created inside the snapshot's transaction and
/// dropped before it commits.
public struct SCD2StageStatement: SQLStatement, Hashable {
    public var stage: RelationName
    public var select: String

    public init(stage: RelationName, select: String) {
        self.stage = stage
        self.select = select
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        let source = dialect.quoteIdentifier(SCD2Spec.Alias.source)
        let create = CreateTableAsStatement(
            relation: stage, select: "select *\nfrom (\n" + select + "\n) as " + source, unlogged: true
        ).render(dialect)
        guard dialect.kind == .postgres else { return create }
        return create + ["analyze " + stage.rendered(dialect)]
    }
}
