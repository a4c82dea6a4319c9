import DFXBasics
import DFXSQL

/// A snapshot's or an `scd2` model's configuration, read from its node config: what
/// `Materializer.applySCD2` needs besides the select.
///
/// Snapshots use dbt's keys (`unique_key`, `strategy`, `updated_at`, `check_cols`,
/// `hard_deletes` or the older `invalidate_hard_deletes`, `dbt_valid_to_current`,
/// `snapshot_meta_column_names`) and dbt's meta columns. `scd2` models use `unique_key`,
/// `strategy` (default `timestamp`), `updated_at` (default `updated_at`), `check_cols`,
/// `valid_from`/`valid_to` (column names, default `valid_from`/`valid_to`),
/// `invalidate_hard_deletes`, `updated_at_as_valid_from` (else the first load starts at
/// 1970-01-01), `time_data_type` (default `timestamp`) and `allow_history_rebuild` (whether
/// `--full-refresh` may drop the history; default false).
public struct SCD2Settings: Sendable, Hashable {
    /// Which surface the config comes from: a snapshot (dbt's keys and meta columns) or an
    /// `scd2` model (SQLMesh-style valid_from/valid_to).
    public enum Kind: Sendable, Hashable { case snapshot, model }

    /// `unique_key`, as a list.
    public var uniqueKey: [String]
    /// `strategy` with `updated_at` / `check_cols`.
    public var strategy: SCD2Spec.Strategy
    /// `hard_deletes`, or `invalidate_hard_deletes`.
    public var hardDeletes: SCD2Spec.HardDeletes
    /// dbt's meta columns (renamed by `snapshot_meta_column_names`), or `valid_from`/`valid_to`.
    public var meta: SCD2Spec.MetaColumns
    /// `dbt_valid_to_current` (snapshots only).
    public var validToCurrent: String?
    /// `time_data_type` (`scd2` models; `timestamp` for snapshots).
    public var timeType: String
    /// The first load starts at the row's timestamp (snapshots, `updated_at_as_valid_from`) or at 1970-01-01.
    public var firstValidFrom: SCD2Spec.FirstValidFrom
    /// Whether `--full-refresh` may drop and rebuild the history (`scd2` models that opt in).
    public var allowHistoryRebuild: Bool

    /// The settings in `config`; a missing or unknown value is an error naming the key.
    public init(config: [String: ConfigValue], kind: Kind) throws(MaterializationError) {
        let what = kind == .snapshot ? "snapshot" : "scd2 model"
        uniqueKey = (config["unique_key"]?.stringList ?? []).filter { !$0.isEmpty }
        guard !uniqueKey.isEmpty else {
            throw MaterializationError("the \(what) needs a unique_key", hint: "set unique_key to a column or a list of columns")
        }
        let updatedAt = config["updated_at"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
        let strategyName = config["strategy"]?.scalarText?.lowercased() ?? (kind == .model ? "timestamp" : "")
        switch strategyName {
        case "timestamp":
            guard let column = updatedAt ?? (kind == .model ? "updated_at" : nil) else {
                throw MaterializationError("the timestamp strategy needs updated_at", hint: "set updated_at to the column that dates each row")
            }
            strategy = .timestamp(updatedAt: column)
        case "check":
            let columns: SCD2Spec.CheckColumns
            switch config["check_cols"] {
            case .string(let text)? where text.lowercased() == "all": columns = .all
            case .list(let values)? where !values.isEmpty: columns = .list(values.compactMap(\.scalarText))
            default:
                throw MaterializationError("the check strategy needs check_cols", hint: "list the columns to compare, or write check_cols: all")
            }
            strategy = .check(columns: columns, updatedAt: updatedAt)
        case "":
            throw MaterializationError("the \(what) needs a strategy", hint: "set strategy to timestamp or check")
        default:
            throw MaterializationError("unknown strategy '\(strategyName)'", hint: "use timestamp or check")
        }
        hardDeletes = try Self.hardDeletes(config)
        allowHistoryRebuild = config["allow_history_rebuild"]?.boolValue ?? false
        switch kind {
        case .snapshot:
            var meta = SCD2Spec.MetaColumns.dbt
            if let names = config["snapshot_meta_column_names"]?.dictValue {
                func name(_ key: String, _ fallback: String) -> String { names[key]?.scalarText ?? fallback }
                meta = SCD2Spec.MetaColumns(
                    scdID: name("dbt_scd_id", "dbt_scd_id"), updatedAt: name("dbt_updated_at", "dbt_updated_at"),
                    validFrom: name("dbt_valid_from", "dbt_valid_from"), validTo: name("dbt_valid_to", "dbt_valid_to"),
                    isDeleted: name("dbt_is_deleted", "dbt_is_deleted"))
            }
            self.meta = meta
            validToCurrent = config["dbt_valid_to_current"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
            timeType = "timestamp"
            firstValidFrom = .timestamp
        case .model:
            if hardDeletes == .newRecord {
                throw MaterializationError("scd2 models support invalidate_hard_deletes, not hard_deletes: new_record", hint: "use a snapshot for deletion records")
            }
            meta = SCD2Spec.MetaColumns(
                scdID: nil, updatedAt: nil, validFrom: config["valid_from"]?.scalarText ?? "valid_from",
                validTo: config["valid_to"]?.scalarText ?? "valid_to", isDeleted: "is_deleted")
            validToCurrent = nil
            timeType = config["time_data_type"]?.scalarText ?? "timestamp"
            guard !timeType.isEmpty, timeType.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "(" || $0 == ")" }) else {
                throw MaterializationError("time_data_type '\(timeType)' is not a type name", hint: "write e.g. timestamp or timestamptz")
            }
            let fromUpdatedAt = config["updated_at_as_valid_from"]?.boolValue ?? false
            firstValidFrom = fromUpdatedAt && Self.column(of: strategy) != nil ? .timestamp : .epoch
        }
    }

    /// dbt's `get_hard_deletes_behavior`: `hard_deletes`, or `invalidate_hard_deletes: true`; not both.
    static func hardDeletes(_ config: [String: ConfigValue]) throws(MaterializationError) -> SCD2Spec.HardDeletes {
        let legacy = config["invalidate_hard_deletes"]
        let text = config["hard_deletes"]?.scalarText
        if legacy != nil && legacy != .null, text != nil {
            throw MaterializationError("set either hard_deletes or invalidate_hard_deletes, not both")
        }
        if legacy?.boolValue == true || legacy?.scalarText?.lowercased() == "true" { return .invalidate }
        guard let text, !text.isEmpty else { return .ignore }
        guard let value = SCD2Spec.HardDeletes(rawValue: text.lowercased()) else {
            throw MaterializationError("unknown hard_deletes '\(text)'", hint: "use ignore, invalidate or new_record")
        }
        return value
    }

    static func column(of strategy: SCD2Spec.Strategy) -> String? {
        switch strategy {
        case .timestamp(let column): column
        case .check(_, let column): column
        }
    }

    /// The spec for one run on `target` at `executionTime`.
    public func spec(target: RelationName, executionTime: String) -> SCD2Spec {
        SCD2Spec(
            target: target, uniqueKey: uniqueKey, strategy: strategy, hardDeletes: hardDeletes, meta: meta,
            validToCurrent: validToCurrent, executionTime: executionTime, timeType: timeType, firstValidFrom: firstValidFrom)
    }
}
