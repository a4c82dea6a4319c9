import DFXSeed
import XCTest

/// Values typed for SQLite parameters, per column type.
final class SeedValueTests: XCTestCase {
    func testTypedValues() throws {
        let text = [
            "id,price,big,flag,day,ts,code,name",
            "1,9.90,9223372036854775808,TRUE,2024-01-05,2024-01-05 10:00:00,007,x",
            "-2,-0.5,1,false,2024-02-29,2024-01-05T10:00:00.5,12,\"a \"\"b\"\"\"",
            ",,,,,,,",
        ].joined(separator: "\n") + "\n"
        let table = try SeedTable(bytes: Array(text.utf8), path: "seeds/v.csv")
        XCTAssertEqual(table.columns.map(\.type), [.integer, .decimal, .decimal, .boolean, .date, .timestamp, .text, .text])
        var rows: [[SeedValue]] = []
        try table.forEachRow { rows.append($0) }
        XCTAssertEqual(
            rows,
            [
                [.integer(1), .real(9.9), .real(9_223_372_036_854_775_808), .integer(1), .text("2024-01-05"), .text("2024-01-05 10:00:00"), .text("007"), .text("x")],
                [.integer(-2), .real(-0.5), .real(1), .integer(0), .text("2024-02-29"), .text("2024-01-05T10:00:00.5"), .text("12"), .text("a \"b\"")],
                Array(repeating: .null, count: 8),
            ])
    }

    func testDecimalsBeyondDoubleBindAsText() throws {
        let huge = "1" + String(repeating: "0", count: 400)
        let table = try SeedTable(bytes: Array("d\n1.5\n\(huge)\n".utf8), path: "seeds/d.csv")
        XCTAssertEqual(table.columns[0].type, .decimal)
        var rows: [[SeedValue]] = []
        try table.forEachRow { rows.append($0) }
        XCTAssertEqual(rows, [[.real(1.5)], [.text(huge)]])
    }

    func testOverriddenColumnsBindAsText() throws {
        let text = "id,zip\n1,02134\n2,\n"
        let table = try SeedTable(
            bytes: Array(text.utf8), path: "seeds/z.csv", options: SeedOptions(columnTypes: ["id": "varchar(5)", "zip": "integer"]))
        XCTAssertEqual(table.columns.map(\.type), [.custom("varchar(5)"), .custom("integer")])
        XCTAssertEqual(table.columns.map(\.isOverridden), [true, true])
        XCTAssertEqual(table.columns.map { $0.type.sqlType(for: .postgres) }, ["varchar(5)", "integer"])
        var rows: [[SeedValue]] = []
        try table.forEachRow { rows.append($0) }
        XCTAssertEqual(rows, [[.text("1"), .text("02134")], [.text("2"), .null]])
    }

    func testOverrideLeavesOtherColumnsInferred() throws {
        let table = try SeedTable(
            bytes: Array("a,b\n1,2\n".utf8), path: "seeds/ab.csv", options: SeedOptions(columnTypes: ["b": "smallint"]))
        XCTAssertEqual(table.columns, [SeedColumn(name: "a", type: .integer), SeedColumn(name: "b", type: .custom("smallint"))])
        XCTAssertFalse(table.columns[0].isOverridden)
    }
}
