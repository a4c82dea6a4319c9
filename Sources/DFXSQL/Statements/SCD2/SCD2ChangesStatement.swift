/// Finds what a snapshot run changes, once, into the table `changes`: one row per source row that
/// opens a new version (`dfx_action` 'upsert': a new key, a re-inserted key, a changed row, a
/// key coming back after a deletion record) and, unless hard deletes are ignored, one row per
/// current version whose key left the source ('delete', carrying that version's values).
///
/// Only the staged source and the current rows are read. The new version's valid-from
/// (`dfx_valid_from`) is the row's timestamp when that is later than the current version's
/// valid-from, else the execution time, so intervals never run backwards (dbt would close a
/// deletion record before it opened); `SCD2ReopenStatement` does the same for a key that returns
/// with no current row, against its closed history.
///
/// A row changed when (`timestamp`) its updated-at is later than the current version's
/// (an updated-at that goes backwards is no change), or (`check`) any check column differs
/// NULL-safely (`is distinct from`; SQLite `is not`), or when `everythingChanged` (a check column
/// that the history table did not have yet: every row changes, as in dbt).
public struct SCD2ChangesStatement: SQLStatement, Hashable {
    public var spec: SCD2Spec
    public var stage: RelationName
    public var changes: RelationName
    /// The staged source's columns, in order (all present in the history table).
    public var columns: [String]
    /// The columns compared by the check strategy (ignored by `timestamp`).
    public var checkColumns: [String]
    public var everythingChanged: Bool

    public init(
        spec: SCD2Spec, stage: RelationName, changes: RelationName, columns: [String], checkColumns: [String] = [],
        everythingChanged: Bool = false
    ) {
        self.spec = spec
        self.stage = stage
        self.changes = changes
        self.columns = columns
        self.checkColumns = checkColumns
        self.everythingChanged = everythingChanged
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        try spec.validate()
        guard !columns.isEmpty else { throw SQLRenderError("snapshot \(spec.target): the source has no columns") }
        typealias A = SCD2Spec.Alias
        typealias C = SCD2Spec.ChangeColumn
        let q = dialect.quoteIdentifier
        let target = spec.target.rendered(dialect)
        let firstKey = spec.uniqueKey[0]
        let hasSCDID = spec.meta.scdID != nil
        let newRecord = spec.hardDeletes == .newRecord

        // The new versions. A key with no current row gets no previous bound here:
        // `SCD2ReopenStatement` then checks its closed history, for the few changed rows only.
        let previous = spec.column(A.current, spec.meta.validFrom, dialect)
        var inner = columns.map { spec.column(A.source, $0, dialect) }
        if let scdID = spec.meta.scdID { inner.append(spec.column(A.current, scdID, dialect) + " as " + q(C.closedSCDID)) }
        inner.append(spec.rowTimestamp(A.source, dialect) + " as " + q(C.timestamp))
        inner.append(previous + " as " + q(C.previous))
        var opens = [spec.column(A.current, firstKey, dialect) + " is null", try changed(dialect)]
        if newRecord { opens.append(spec.column(A.current, spec.meta.isDeleted, dialect) + " = 'True'") }
        let upserts =
            "select " + inner.joined(separator: ",\n        ") + "\n    from " + stage.rendered(dialect) + " as " + q(A.source)
            + "\n    left join " + target + " as " + q(A.current) + "\n        on " + spec.keyJoin(A.current, A.source, dialect)
            + " and " + spec.isCurrent(A.current, dialect) + "\n    where " + opens.joined(separator: "\n        or ")
        var outer = columns.map(q) + ["'upsert' as " + q(C.action)]
        if hasSCDID { outer.append(q(C.closedSCDID)) }
        outer.append(q(C.timestamp))
        outer.append(
            "case when " + q(C.previous) + " is null or " + q(C.timestamp) + " > " + q(C.previous) + " then " + q(C.timestamp)
                + " else " + spec.time(dialect) + " end as " + q(C.validFrom))
        var sql = "select " + outer.joined(separator: ",\n    ") + "\nfrom (\n    " + upserts + "\n) as " + q("dfx_upserts")

        // The current versions whose key left the source.
        if spec.hardDeletes != .ignore {
            var deleted = columns.map { spec.column(A.current, $0, dialect) } + ["'delete'"]
            if let scdID = spec.meta.scdID { deleted.append(spec.column(A.current, scdID, dialect)) }
            deleted += [spec.time(dialect), spec.time(dialect)]
            var conditions = [spec.isCurrent(A.current, dialect)]
            if newRecord {
                conditions.append("coalesce(" + spec.column(A.current, spec.meta.isDeleted, dialect) + ", 'False') <> 'True'")
            }
            conditions.append(
                "not exists (select 1 from " + stage.rendered(dialect) + " as " + q(A.source) + " where "
                    + spec.keyJoin(A.source, A.current, dialect) + ")")
            sql += "\nunion all\nselect " + deleted.joined(separator: ", ") + "\nfrom " + target + " as " + q(A.current)
                + "\nwhere " + conditions.joined(separator: "\n    and ")
        }
        return CreateTableAsStatement(relation: changes, select: sql, unlogged: true).render(dialect)
    }

    /// Whether the matched current row (`dfx_current`) differs from the source row (`dfx_source`).
    private func changed(_ dialect: SQLDialect) throws(SQLRenderError) -> String {
        typealias A = SCD2Spec.Alias
        if everythingChanged { return "1 = 1" }
        switch spec.strategy {
        case .timestamp(let updatedAt):
            let new = spec.column(A.source, updatedAt, dialect)
            let old = spec.column(A.current, spec.meta.updatedAt ?? updatedAt, dialect)
            return "(" + new + " > " + old + " or (" + old + " is null and " + new + " is not null))"
        case .check:
            let compared = checkColumns.filter { name in !spec.uniqueKey.contains(name) }
            guard !compared.isEmpty else {
                throw SQLRenderError("snapshot \(spec.target): no column to check besides the unique key")
            }
            let tests = compared.map {
                spec.column(A.current, $0, dialect) + " " + spec.distinct(dialect) + " " + spec.column(A.source, $0, dialect)
            }
            return "(" + tests.joined(separator: " or ") + ")"
        }
    }
}
