/// The first load of a history table: every source row becomes a current version.
///
/// `create table <target> as select *, <scd id>, <updated at>, <valid from>, <valid to>
/// [, 'False'] from <source>`, where the source is the snapshot's select itself (read once: the
/// key check then runs on the new table, in the same transaction), with dbt's column order and expressions: the scd id hashes the
/// key and the valid-from (dbt hashes the key and `updated_at`, which is the same value on a
/// first load); valid-from is the row's timestamp (or 1970-01-01 with `FirstValidFrom.epoch`);
/// valid-to is `coalesce(nullif(vf, vf), <validToCurrent or null>)`, typed like valid-from.
public struct SCD2CreateStatement: SQLStatement, Hashable {
    public var spec: SCD2Spec
    public var source: SQLSource

    public init(spec: SCD2Spec, source: SQLSource) {
        self.spec = spec
        self.source = source
    }

    public func render(_ dialect: SQLDialect) throws(SQLRenderError) -> [String] {
        try spec.validate()
        let source = SCD2Spec.Alias.source
        let timestamp = spec.rowTimestamp(source, dialect)
        let validFrom = spec.firstValidFrom == .epoch ? spec.epoch(dialect) : timestamp
        var select = ["select " + dialect.quoteIdentifier(source) + ".*"]
        if let scdID = spec.meta.scdID {
            let parts = spec.uniqueKey.map { spec.column(source, $0, dialect) } + [validFrom]
            select.append(spec.hash(parts) + " as " + dialect.quoteIdentifier(scdID))
        }
        if let updatedAt = spec.meta.updatedAt { select.append(timestamp + " as " + dialect.quoteIdentifier(updatedAt)) }
        select.append(validFrom + " as " + dialect.quoteIdentifier(spec.meta.validFrom))
        select.append(
            "coalesce(nullif(" + validFrom + ", " + validFrom + "), " + spec.currentValidTo + ") as "
                + dialect.quoteIdentifier(spec.meta.validTo))
        if spec.hardDeletes == .newRecord { select.append("'False' as " + dialect.quoteIdentifier(spec.meta.isDeleted)) }
        let body = select.joined(separator: ",\n    ") + "\nfrom " + self.source.rendered(dialect, alias: source)
        return CreateTableAsStatement(relation: spec.target, select: body).render(dialect)
    }
}
