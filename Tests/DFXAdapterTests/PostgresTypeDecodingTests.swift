import DFXTestSupport
import DFXPostgres
import DFXSQL
import XCTest

final class PostgresTypeDecodingTests: XCTestCase {
    /// (expression, decoded value, type name) — each row is one `select` of one column.
    static let cases: [(String, SQLValue, String)] = [
        ("true", .bool(true), "bool"),
        ("false", .bool(false), "bool"),
        ("null::bool", .null, "bool"),
        ("32767::int2", .int(32767), "int2"),
        ("(-2147483648)::int4", .int(-2_147_483_648), "int4"),
        ("9223372036854775807::int8", .int(Int64.max), "int8"),
        ("null::int8", .null, "int8"),
        ("1.5::float4", .double(1.5), "float4"),
        ("(-0.25)::float8", .double(-0.25), "float8"),
        ("'Infinity'::float8", .double(.infinity), "float8"),
        ("'-Infinity'::float8", .double(-.infinity), "float8"),
        ("0.1::float8", .double(0.1), "float8"),
        ("12345678901234567890.123456789::numeric", .decimal("12345678901234567890.123456789"), "numeric"),
        ("12.50::numeric(10,2)", .decimal("12.50"), "numeric"),
        ("'NaN'::numeric", .decimal("NaN"), "numeric"),
        ("null::numeric", .null, "numeric"),
        ("'héllo ✓ 🚀 日本'::text", .text("héllo ✓ 🚀 日本"), "text"),
        ("''::text", .text(""), "text"),
        ("null::text", .null, "text"),
        ("'abc'::varchar(10)", .text("abc"), "varchar"),
        ("'ab'::char(3)", .text("ab "), "bpchar"),
        ("'2024-02-29'::date", .date("2024-02-29"), "date"),
        ("'infinity'::date", .date("infinity"), "date"),
        ("null::date", .null, "date"),
        ("'2024-02-29 13:45:01.123456'::timestamp", .timestamp("2024-02-29 13:45:01.123456"), "timestamp"),
        ("'2024-02-29 13:45:01'::timestamp", .timestamp("2024-02-29 13:45:01"), "timestamp"),
        ("'2024-02-29 13:45:01+02'::timestamptz", .timestampWithTimeZone("2024-02-29 11:45:01+00"), "timestamptz"),
        ("null::timestamptz", .null, "timestamptz"),
        (#"'{"a": [1, "ü"]}'::json"#, .json(#"{"a": [1, "ü"]}"#), "json"),
        (#"'{"b":2,  "a":1}'::jsonb"#, .json(#"{"a": 1, "b": 2}"#), "jsonb"),
        (#"'\x00ff10'::bytea"#, .bytes([0, 255, 16]), "bytea"),
        ("''::bytea", .bytes([]), "bytea"),
        ("'11111111-2222-3333-4444-555555555555'::uuid", .text("11111111-2222-3333-4444-555555555555"), "uuid"),
        ("'1 day'::interval", .text("1 day"), "interval"),
    ]

    func testEachTypeDecodesToItsValue() throws {
        let connection = try TestDatabase.postgres()
        for (expression, expected, typeName) in Self.cases {
            let result = try connection.query("select \(expression) as v", parameters: [])
            XCTAssertEqual(result.columns, [SQLColumn(name: "v", typeName: typeName)], expression)
            XCTAssertEqual(result.rows, [[expected]], expression)
        }
    }

    func testNaNAndManyColumnsInOneRow() throws {
        let connection = try TestDatabase.postgres()
        let result = try connection.fetch("select 'NaN'::float8 as f, 1 as i, null as n, 'x' as t")
        XCTAssertEqual(result.columnNames, ["f", "i", "n", "t"])
        guard case .double(let value)? = result.rows.first?.first else { return XCTFail("\(result.rows)") }
        XCTAssertTrue(value.isNaN)
        XCTAssertEqual(Array(result.rows[0].dropFirst()), [.int(1), .null, .text("x")])
        XCTAssertEqual(result.columnIndex("T"), 3)
    }

    func testRowsAffectedAndEmptyStatements() throws {
        let connection = try TestDatabase.postgres()
        let table = TestDatabase.uniqueName("affected")
        try connection.execute("create temporary table \(table) (a int)")
        XCTAssertEqual(try connection.execute("insert into \(table) select generate_series(1, 5)"), 5)
        XCTAssertEqual(try connection.execute("update \(table) set a = a + 1 where a > 2"), 3)
        XCTAssertEqual(try connection.execute(""), 0)
        // Several statements without parameters: the last one's result.
        XCTAssertEqual(try connection.fetch("delete from \(table) where a = 2; select count(*) from \(table)").rows, [[.int(4)]])
    }

    func testTheTextAPIKeepsWorking() throws {
        let connection = try PostgresConnection(parameters: ["dbname": try TestDatabase.postgresURL()])
        XCTAssertGreaterThanOrEqual(connection.serverVersion, 120_000)
        XCTAssertEqual(try connection.query("select 1, null::text, 'x''y', true"), [["1", nil, "x'y", "t"]])
        XCTAssertEqual(try connection.query("select current_setting('application_name')"), [["dfx"]])
        XCTAssertEqual(connection.dialect, .postgres)
    }
}
