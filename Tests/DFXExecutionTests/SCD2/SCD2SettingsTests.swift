import DFXBasics
import DFXCompiler
import DFXExecution
import DFXSQL
import XCTest

/// Snapshot and scd2 model config → `SCD2Spec`, and the errors for configs that cannot work.
final class SCD2SettingsTests: XCTestCase {
    let target = RelationName(schema: "s", name: "h")
    let time = "2024-01-01 00:00:00"

    func testSettingsFromConfig() throws {
        let cases: [([String: ConfigValue], SCD2Settings.Kind, SCD2Spec)] = [
            (
                ["unique_key": .string("id"), "strategy": .string("timestamp"), "updated_at": .string("ts")], .snapshot,
                SCD2Spec(target: target, uniqueKey: ["id"], strategy: .timestamp(updatedAt: "ts"), executionTime: time)
            ),
            (
                ["unique_key": .list([.string("a"), .string("b")]), "strategy": .string("check"), "check_cols": .string("all"),
                 "invalidate_hard_deletes": .bool(true), "dbt_valid_to_current": .string("'9999-12-31'"),
                 "snapshot_meta_column_names": .dict(["dbt_valid_from": .string("start_at"), "dbt_scd_id": .string("vid")])],
                .snapshot,
                SCD2Spec(
                    target: target, uniqueKey: ["a", "b"], strategy: .check(columns: .all, updatedAt: nil), hardDeletes: .invalidate,
                    meta: SCD2Spec.MetaColumns(
                        scdID: "vid", updatedAt: "dbt_updated_at", validFrom: "start_at", validTo: "dbt_valid_to", isDeleted: "dbt_is_deleted"),
                    validToCurrent: "'9999-12-31'", executionTime: time)
            ),
            (
                ["unique_key": .string("id"), "strategy": .string("check"), "check_cols": .list([.string("x")]), "hard_deletes": .string("new_record")],
                .snapshot,
                SCD2Spec(target: target, uniqueKey: ["id"], strategy: .check(columns: .list(["x"]), updatedAt: nil), hardDeletes: .newRecord, executionTime: time)
            ),
            (
                ["unique_key": .string("id")], .model,
                SCD2Spec(
                    target: target, uniqueKey: ["id"], strategy: .timestamp(updatedAt: "updated_at"),
                    meta: SCD2Spec.MetaColumns(scdID: nil, updatedAt: nil, validFrom: "valid_from", validTo: "valid_to", isDeleted: "is_deleted"),
                    executionTime: time, firstValidFrom: .epoch)
            ),
            (
                ["unique_key": .string("id"), "valid_from": .string("f"), "valid_to": .string("t"), "updated_at_as_valid_from": .bool(true),
                 "time_data_type": .string("timestamptz"), "invalidate_hard_deletes": .bool(true)],
                .model,
                SCD2Spec(
                    target: target, uniqueKey: ["id"], strategy: .timestamp(updatedAt: "updated_at"), hardDeletes: .invalidate,
                    meta: SCD2Spec.MetaColumns(scdID: nil, updatedAt: nil, validFrom: "f", validTo: "t", isDeleted: "is_deleted"),
                    executionTime: time, timeType: "timestamptz", firstValidFrom: .timestamp)
            ),
        ]
        for (config, kind, expected) in cases {
            XCTAssertEqual(try SCD2Settings(config: config, kind: kind).spec(target: target, executionTime: time), expected, "\(config)")
        }
        XCTAssertTrue(try SCD2Settings(config: ["unique_key": .string("id"), "allow_history_rebuild": .bool(true)], kind: .model).allowHistoryRebuild)
    }

    func testInvalidSettingsAreErrors() {
        let key: [String: ConfigValue] = ["unique_key": .string("id")]
        let cases: [([String: ConfigValue], SCD2Settings.Kind, String)] = [
            (["strategy": .string("timestamp"), "updated_at": .string("ts")], .snapshot, "the snapshot needs a unique_key"),
            (key, .snapshot, "the snapshot needs a strategy"),
            (key.merging(["strategy": .string("timestamp")]) { a, _ in a }, .snapshot, "the timestamp strategy needs updated_at"),
            (key.merging(["strategy": .string("check")]) { a, _ in a }, .snapshot, "the check strategy needs check_cols"),
            (key.merging(["strategy": .string("hash")]) { a, _ in a }, .snapshot, "unknown strategy 'hash'"),
            (
                key.merging(["strategy": .string("check"), "check_cols": .string("all"), "hard_deletes": .string("invalidate"),
                             "invalidate_hard_deletes": .bool(true)]) { a, _ in a }, .snapshot,
                "set either hard_deletes or invalidate_hard_deletes, not both"
            ),
            (key.merging(["strategy": .string("check"), "check_cols": .string("all"), "hard_deletes": .string("purge")]) { a, _ in a }, .snapshot, "unknown hard_deletes 'purge'"),
            (key.merging(["hard_deletes": .string("new_record")]) { a, _ in a }, .model, "scd2 models support invalidate_hard_deletes, not hard_deletes: new_record"),
            (key.merging(["time_data_type": .string("timestamp; drop table x")]) { a, _ in a }, .model, "time_data_type 'timestamp; drop table x' is not a type name"),
        ]
        for (config, kind, message) in cases {
            XCTAssertThrowsError(try SCD2Settings(config: config, kind: kind), "\(config)") { error in
                XCTAssertEqual((error as? MaterializationError)?.message, message)
            }
        }
    }

    func testSpecsThatCannotRenderSayWhy() {
        let cases: [(SCD2Spec, String)] = [
            (SCD2Spec(target: target, uniqueKey: [], strategy: .timestamp(updatedAt: "u"), executionTime: time), "snapshot s.h needs a unique_key"),
            (SCD2Spec(target: target, uniqueKey: ["dbt_valid_to"], strategy: .timestamp(updatedAt: "u"), executionTime: time),
             "snapshot s.h: unique_key column dbt_valid_to is also a meta column"),
            (SCD2Spec(target: target, uniqueKey: ["id"], strategy: .check(columns: .list([]), updatedAt: nil), executionTime: time),
             "snapshot s.h: check_cols is empty"),
        ]
        for (spec, message) in cases {
            XCTAssertThrowsError(try SCD2CreateStatement(spec: spec, source: .relation(target)).render(.postgres)) { error in
                XCTAssertEqual((error as? SQLRenderError)?.message, message)
            }
        }
        // The check strategy compares at least one column besides the key.
        let keyOnly = SCD2ChangesStatement(
            spec: SCD2Spec(target: target, uniqueKey: ["id"], strategy: .check(columns: .list(["id"]), updatedAt: nil), executionTime: time),
            stage: target, changes: target, columns: ["id"], checkColumns: ["id"])
        XCTAssertThrowsError(try keyOnly.render(.sqlite)) { error in
            XCTAssertEqual((error as? SQLRenderError)?.message, "snapshot s.h: no column to check besides the unique key")
        }
    }

    func testExecutionTimeText() {
        XCTAssertEqual(ExecutionTime.text(.init(year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5)), "2026-01-02 03:04:05")
        XCTAssertEqual(ExecutionTime.text(.init(year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 120_000)), "2026-01-02 03:04:05.12")
        XCTAssertTrue(ExecutionTime.isValid("2026-01-02 03:04:05.123456"))
        XCTAssertTrue(ExecutionTime.isValid("2026-01-02T03:04:05"))
        XCTAssertFalse(ExecutionTime.isValid("yesterday"))
        XCTAssertFalse(ExecutionTime.isValid("2026-01-02 03:04:05'; drop table x"))
    }
}
