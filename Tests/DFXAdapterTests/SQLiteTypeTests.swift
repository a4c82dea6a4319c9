import DFXTestSupport
import DFXSQL
import DFXSQLite
import XCTest

final class SQLiteTypeTests: XCTestCase {
    func testStorageClassesDecodeToValues() throws {
        let connection = try SQLiteConnection(path: try TestDatabase.sqlitePath())
        try connection.execute(#"create table "raw.types" (i integer, r real, t text, b blob, n numeric, d date)"#)
        try connection.execute(
            #"insert into "raw.types" values (?, ?, ?, ?, ?, ?), (null, null, null, null, null, null)"#,
            parameters: [.int(Int64.min), .double(-0.5), .text("héllo ✓ 🚀"), .bytes([0, 255, 0]), .decimal("12.50"), .date("2024-02-29")])
        let result = try connection.fetch(#"select i, r, t, b, n, d, 1 + 1 as e from "raw.types" order by i is null"#)
        // The declared types as SQLite reports them (since 3.37 it spells its standard type names INTEGER, REAL, TEXT, BLOB in capitals).
        XCTAssertEqual(
            result.columns,
            [
                SQLColumn(name: "i", typeName: "INTEGER"), SQLColumn(name: "r", typeName: "REAL"), SQLColumn(name: "t", typeName: "TEXT"),
                SQLColumn(name: "b", typeName: "BLOB"), SQLColumn(name: "n", typeName: "numeric"), SQLColumn(name: "d", typeName: "date"),
                SQLColumn(name: "e", typeName: ""),
            ])
        XCTAssertEqual(
            result.rows,
            [
                // NUMERIC affinity turns the text 12.50 into the real 12.5.
                [.int(Int64.min), .double(-0.5), .text("héllo ✓ 🚀"), .bytes([0, 255, 0]), .double(12.5), .text("2024-02-29"), .int(2)],
                [.null, .null, .null, .null, .null, .null, .int(2)],
            ])
    }

    /// (bound value, what comes back from `select ?`)
    static let roundTrips: [(SQLValue, SQLValue)] = [
        (.null, .null), (.bool(true), .int(1)), (.bool(false), .int(0)), (.int(42), .int(42)), (.double(1e-300), .double(1e-300)),
        (.decimal("0.10"), .text("0.10")), (.text(""), .text("")), (.text("日本語 'q' \"d\""), .text("日本語 'q' \"d\"")),
        (.bytes([]), .bytes([])), (.bytes([1, 0, 2]), .bytes([1, 0, 2])), (.date("2024-01-31"), .text("2024-01-31")),
        (.timestamp("2024-01-31 10:00:00"), .text("2024-01-31 10:00:00")), (.json(#"{"a":1}"#), .text(#"{"a":1}"#)),
    ]

    func testBoundValuesComeBackAsStored() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        for (value, expected) in Self.roundTrips {
            XCTAssertEqual(try connection.query("select ?", parameters: [value]).rows, [[expected]], "\(value)")
        }
        XCTAssertEqual(try connection.query("select ?2, ?1", parameters: [.int(1), .int(2)]).rows, [[.int(2), .int(1)]])
        XCTAssertThrowsError(try connection.query("select ?, ?", parameters: [.int(1)]))
    }

    func testTrickyStringsAreBoundNotSpliced() throws {
        let connection = try SQLiteConnection(path: try TestDatabase.sqlitePath())
        try ConnectionConformance.parametersAreNeverSQL(connection, table: "raw.params", placeholders: ["?1", "?2"])
    }

    func testTheTextAPIKeepsWorking() throws {
        let connection = try SQLiteConnection(path: try TestDatabase.sqlitePath())
        XCTAssertEqual(try connection.query("pragma journal_mode"), [["wal"]])
        XCTAssertEqual(try connection.query("pragma busy_timeout"), [["10000"]])
        XCTAssertEqual(try connection.query("select 1, null, 'x''y', 1.5"), [["1", nil, "x'y", "1.5"]])
        XCTAssertTrue(SQLiteConnection.libraryVersion.hasPrefix("3."))
        XCTAssertEqual(connection.dialect, .sqlite)
    }

    func testSeveralStatementsRunInTurnAndReportChanges() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        XCTAssertEqual(try connection.execute("create table t (a int); insert into t values (1), (2), (3); "), 3)
        XCTAssertEqual(try connection.execute("update t set a = a * 10 where a > ?", parameters: [.int(1)]), 2)
        XCTAssertEqual(try connection.execute("create table u (b int)"), 0)
        XCTAssertEqual(try connection.fetch("delete from t where a = 1; select sum(a) from t").rows, [[.int(50)]])
        XCTAssertEqual(try connection.execute("  -- only a comment\n"), 0)
    }
}

final class SQLValueLiteralTests: XCTestCase {
    func testLiteralsAreTheirCases() throws {
        let values: [SQLValue] = [nil, true, 42, 1.5, "text"]
        XCTAssertEqual(values, [.null, .bool(true), .int(42), .double(1.5), .text("text")])
        let connection = try SQLiteConnection(path: ":memory:")
        XCTAssertEqual(try connection.query("select ?, ?", parameters: ["it's", 7]).rows, [["it's", 7]])
    }

    func testTextOfEachValue() {
        let cases: [(SQLValue, String?)] = [
            (.null, nil), (.bool(false), "false"), (.int(-3), "-3"), (.double(.nan), "NaN"), (.double(-.infinity), "-Infinity"),
            (.double(2.5), "2.5"), (.bytes([0, 171]), "\\x00ab"), (.date("2024-01-01"), "2024-01-01"), (.json("[]"), "[]"),
        ]
        for (value, text) in cases { XCTAssertEqual(value.text, text, "\(value)") }
        XCTAssertEqual(QueryResult(columns: [SQLColumn(name: "a", typeName: "")], rows: [[.int(1)], [.null]]).textRows, [["1"], [nil]])
    }
}
