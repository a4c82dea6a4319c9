/// What one slowly changing dimension (SCD type 2) history table is and how its changes are
/// found: the shared description that the snapshot statements render from. A dbt snapshot and an
/// `scd2` model are both one `SCD2Spec`; they differ in meta columns and in where the first
/// version starts.
///
/// The history table holds the source's columns followed by the meta columns (`metaColumns`):
/// a row is current while its valid-to column is NULL (or equals `validToCurrent`). Keys are
/// compared with `=`: the key check (`SCD2KeyCheckQuery`) refuses NULL key parts first.
public struct SCD2Spec: Sendable, Hashable {
    /// How a changed row is recognized.
    public enum Strategy: Sendable, Hashable {
        /// A row changed when its `updatedAt` column is later than the current version's.
        case timestamp(updatedAt: String)
        /// A row changed when any of `columns` differs, NULL-safely; `updatedAt`, when set, dates
        /// the new version (else the execution time does).
        case check(columns: CheckColumns, updatedAt: String?)
    }

    /// `check_cols`: every column of the source, or a list.
    public enum CheckColumns: Sendable, Hashable {
        case all
        case list([String])
    }

    /// What happens to current rows whose key is gone from the source.
    public enum HardDeletes: String, Sendable, Hashable, CaseIterable {
        /// Nothing: the row stays current.
        case ignore
        /// The row is closed at the execution time.
        case invalidate
        /// The row is closed and a deletion record (`isDeleted` = 'True') opens.
        case newRecord = "new_record"
    }

    /// Where the versions written by the first load start.
    public enum FirstValidFrom: Sendable, Hashable {
        /// At the row's timestamp: `updatedAt` (or the execution time for `check` without one), as dbt.
        case timestamp
        /// At 1970-01-01 00:00:00, so the history covers all time (`scd2` models by default).
        case epoch
    }

    /// The names of the columns dfx maintains; nil leaves a column out (an `scd2` model has no
    /// `dbt_scd_id` and no `dbt_updated_at`).
    public struct MetaColumns: Sendable, Hashable {
        /// `dbt_scd_id`: a hash of the key and the version's valid-from.
        public var scdID: String?
        /// `dbt_updated_at`: the timestamp the version was dated with.
        public var updatedAt: String?
        /// Where the version starts (inclusive).
        public var validFrom: String
        /// Where it ends (exclusive); NULL (or `validToCurrent`) while current.
        public var validTo: String
        /// Only written with `HardDeletes.newRecord`.
        public var isDeleted: String

        public init(scdID: String?, updatedAt: String?, validFrom: String, validTo: String, isDeleted: String) {
            self.scdID = scdID
            self.updatedAt = updatedAt
            self.validFrom = validFrom
            self.validTo = validTo
            self.isDeleted = isDeleted
        }

        /// dbt's names: `dbt_scd_id`, `dbt_updated_at`, `dbt_valid_from`, `dbt_valid_to`, `dbt_is_deleted`.
        public static let dbt = MetaColumns(
            scdID: "dbt_scd_id", updatedAt: "dbt_updated_at", validFrom: "dbt_valid_from", validTo: "dbt_valid_to",
            isDeleted: "dbt_is_deleted")
    }

    /// The history table.
    public var target: RelationName
    /// The columns that identify a source row (never NULL, never repeated).
    public var uniqueKey: [String]
    /// How changes are recognized and dated.
    public var strategy: Strategy
    /// What happens to current rows whose key left the source.
    public var hardDeletes: HardDeletes
    /// The names of the columns dfx maintains.
    public var meta: MetaColumns
    /// dbt's `dbt_valid_to_current`: SQL for the valid-to value of current rows (nil: NULL).
    public var validToCurrent: String?
    /// The run's one execution time, UTC, as `YYYY-MM-DD HH:MM:SS[.ffffff]`.
    public var executionTime: String
    /// The SQL type the execution time is cast to on PostgreSQL (`timestamp`: without time zone,
    /// as dbt's `snapshot_get_time()`); SQLite keeps it as text.
    public var timeType: String
    /// Where the first load's versions start.
    public var firstValidFrom: FirstValidFrom

    public init(
        target: RelationName, uniqueKey: [String], strategy: Strategy, hardDeletes: HardDeletes = .ignore,
        meta: MetaColumns = .dbt, validToCurrent: String? = nil, executionTime: String, timeType: String = "timestamp",
        firstValidFrom: FirstValidFrom = .timestamp
    ) {
        self.target = target
        self.uniqueKey = uniqueKey
        self.strategy = strategy
        self.hardDeletes = hardDeletes
        self.meta = meta
        self.validToCurrent = validToCurrent
        self.executionTime = executionTime
        self.timeType = timeType
        self.firstValidFrom = firstValidFrom
    }

    /// The meta columns the history table has, in order.
    public var metaColumnNames: [String] {
        [meta.scdID, meta.updatedAt, meta.validFrom, meta.validTo].compactMap { $0 }
            + (hardDeletes == .newRecord ? [meta.isDeleted] : [])
    }

    /// The source column that dates a version, if any.
    public var updatedAtColumn: String? {
        switch strategy {
        case .timestamp(let column): column
        case .check(_, let column): column
        }
    }

    /// Problems that make the spec unusable: no key, an empty name, a meta column that is also a
    /// key, a timestamp strategy without a column.
    public func validate() throws(SQLRenderError) {
        let name = target.description
        guard !uniqueKey.isEmpty else {
            throw SQLRenderError("snapshot \(name) needs a unique_key", hint: "set unique_key to a column or a list of columns")
        }
        if uniqueKey.contains(where: { $0.isEmpty }) { throw SQLRenderError("snapshot \(name): a unique_key entry is empty") }
        if case .timestamp(let column) = strategy, column.isEmpty {
            throw SQLRenderError("snapshot \(name): the timestamp strategy needs updated_at", hint: "set updated_at to a column")
        }
        if case .check(.list(let columns), _) = strategy, columns.isEmpty {
            throw SQLRenderError("snapshot \(name): check_cols is empty", hint: "list columns, or write check_cols: all")
        }
        let meta = Set(metaColumnNames.map { $0.lowercased() })
        if let clash = uniqueKey.first(where: { meta.contains($0.lowercased()) }) {
            throw SQLRenderError("snapshot \(name): unique_key column \(clash) is also a meta column")
        }
    }
}
