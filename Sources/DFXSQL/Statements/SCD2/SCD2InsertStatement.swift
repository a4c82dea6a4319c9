/// Inserts the new versions from the changes table: each 'upsert' becomes a current row (scd id
/// hashing the key and valid-from, updated-at the row's timestamp); with `hard_deletes:
/// new_record` each 'delete' also becomes a current deletion record (`is_deleted` 'True', valid
/// from the execution time, scd id hashing the closed version's scd id and the execution time,
/// as dbt does).
public struct SCD2InsertStatement: SQLStatement, Hashable {
    public var spec: SCD2Spec
    public var changes: RelationName
    /// The source's columns, as in `SCD2ChangesStatement`.
    public var columns: [String]

    public init(spec: SCD2Spec, changes: RelationName, columns: [String]) {
        self.spec = spec
        self.changes = changes
        self.columns = columns
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        try spec.validate()
        typealias C = SCD2Spec.ChangeColumn
        let q = dialect.quoteIdentifier
        let into = "insert into " + spec.target.rendered(dialect) + " (" + (columns.map(q) + spec.quotedMeta(dialect)).joined(separator: ", ")
            + ")\nselect " + columns.map(q).joined(separator: ", ")
        let from = "\nfrom " + changes.rendered(dialect) + "\nwhere " + q(C.action) + " = "

        var versions: [String] = []
        if spec.meta.scdID != nil { versions.append(spec.hash(spec.uniqueKey.map(q) + [q(C.validFrom)])) }
        if spec.meta.updatedAt != nil { versions.append(q(C.timestamp)) }
        versions += [q(C.validFrom), spec.currentValidTo]
        if spec.hardDeletes == .newRecord { versions.append("'False'") }
        var texts = [into + ",\n    " + versions.joined(separator: ", ") + from + "'upsert'"]

        if spec.hardDeletes == .newRecord {
            var deletions: [String] = []
            if spec.meta.scdID != nil { deletions.append(spec.hash([q(C.closedSCDID), spec.time(dialect)])) }
            if spec.meta.updatedAt != nil { deletions.append(spec.time(dialect)) }
            deletions += [spec.time(dialect), spec.currentValidTo, "'True'"]
            texts.append(into + ",\n    " + deletions.joined(separator: ", ") + from + "'delete'")
        }
        return texts
    }
}
