/// Closes the current versions that the changes replace or delete: `update <target> set
/// <valid to> = <the change's valid-from> from <changes> where <same key> and <current>`. A key
/// has at most one current version and at most one change, so each current row is closed at
/// most once; new keys match no current row and close nothing.
public struct SCD2CloseStatement: SQLStatement, Hashable {
    public var spec: SCD2Spec
    public var changes: RelationName

    public init(spec: SCD2Spec, changes: RelationName) {
        self.spec = spec
        self.changes = changes
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        try spec.validate()
        typealias A = SCD2Spec.Alias
        let q = dialect.quoteIdentifier
        return [
            "update " + spec.target.rendered(dialect) + " as " + q(A.current) + "\nset " + q(spec.meta.validTo) + " = "
                + spec.column(A.changes, SCD2Spec.ChangeColumn.validFrom, dialect) + "\nfrom " + changes.rendered(dialect) + " as "
                + q(A.changes) + "\nwhere " + spec.keyJoin(A.current, A.changes, dialect) + "\n    and "
                + spec.isCurrent(A.current, dialect)
        ]
    }
}
