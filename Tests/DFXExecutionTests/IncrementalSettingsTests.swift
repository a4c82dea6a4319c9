import DFXBasics
import DFXExecution
import DFXSQL
import XCTest

/// Config → incremental settings, and error locations, without a database.
final class IncrementalSettingsTests: XCTestCase {
    func testSettingsFromConfig() throws {
        let cases: [([String: ConfigValue], IncrementalSettings)] = [
            ([:], IncrementalSettings(strategy: .append)),
            (["unique_key": .string("id")], IncrementalSettings(strategy: .merge, uniqueKey: ["id"])),
            (
                ["unique_key": .list([.string("a"), .string("b")]), "incremental_strategy": .string("delete+insert")],
                IncrementalSettings(strategy: .deleteInsert, uniqueKey: ["a", "b"])
            ),
            (
                ["incremental_strategy": .string("append"), "on_schema_change": .string("sync_all_columns"),
                 "incremental_predicates": .list([.string("x > 1")])],
                IncrementalSettings(strategy: .append, predicates: ["x > 1"], onSchemaChange: .syncAllColumns)
            ),
        ]
        for (config, expected) in cases {
            XCTAssertEqual(try IncrementalSettings(config: config), expected, "\(config)")
        }
    }

    func testInvalidSettingsAreErrors() {
        let cases: [([String: ConfigValue], String)] = [
            (["incremental_strategy": .string("insert_overwrite")], "unknown incremental_strategy 'insert_overwrite'"),
            (["incremental_strategy": .string("merge")], "incremental_strategy merge needs a unique_key"),
            (["on_schema_change": .string("explode")], "unknown on_schema_change 'explode'"),
        ]
        for (config, message) in cases {
            XCTAssertThrowsError(try IncrementalSettings(config: config)) { error in
                XCTAssertEqual((error as? MaterializationError)?.message, message)
            }
        }
    }

    func testDatabaseErrorDescriptionPointsIntoTheStatement() {
        let error = MaterializationError(
            "database error",
            database: DatabaseError(message: "boom", code: "42601", hint: "fix it", position: 9, statement: "select\nfrom x"))
        XCTAssertEqual(
            error.description,
            "database error 42601: boom\n  at line 2, column 2 of the statement:\n    from x\n     ^\n  hint: fix it")
    }
}
