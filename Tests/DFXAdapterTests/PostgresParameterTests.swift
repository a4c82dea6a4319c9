import DFXTestSupport
import DFXPostgres
import DFXSQL
import XCTest

final class PostgresParameterTests: XCTestCase {
    func testTrickyStringsAreBoundNotSpliced() throws {
        let connection = try TestDatabase.postgres()
        try ConnectionConformance.parametersAreNeverSQL(connection, table: TestDatabase.uniqueName("params"), placeholders: ["$1", "$2"])
        for piece in TrickyText.pieces {
            XCTAssertEqual(try connection.query("select $1::text", parameters: [.text(piece)]).rows, [[.text(piece)]], piece)
        }
    }

    /// Each value bound and cast back arrives as the same value.
    func testEveryValueKindRoundTrips() throws {
        let connection = try TestDatabase.postgres()
        let cases: [(SQLValue, String)] = [
            (.null, "text"), (.bool(true), "bool"), (.bool(false), "bool"), (.int(Int64.min), "int8"), (.int(42), "int8"),
            (.double(-1.25e300), "float8"), (.double(.infinity), "float8"), (.decimal("-0.000001"), "numeric"),
            (.text("ünïcödé 🚀"), "text"), (.bytes([0, 1, 2, 255, 0]), "bytea"), (.bytes([]), "bytea"),
            (.date("1999-12-31"), "date"), (.timestamp("2024-01-02 03:04:05.5"), "timestamp"),
            (.timestampWithTimeZone("2024-01-02 03:04:05+00"), "timestamptz"), (.json(#"{"k": "v"}"#), "json"),
        ]
        for (value, type) in cases {
            let result = try connection.query("select $1::\(type)", parameters: [value])
            XCTAssertEqual(result.rows, [[value]], "\(value)")
        }
    }

    func testTypedParametersWorkInExpressions() throws {
        let connection = try TestDatabase.postgres()
        let result = try connection.query("select $1 + 1, $2 * 2, not $3, $4 || 'x'", parameters: [.int(41), .double(1.5), .bool(false), .text("a")])
        XCTAssertEqual(result.rows, [[.int(42), .double(3), .bool(true), .text("ax")]])
    }

    func testNULCharactersAreRefusedBeforeSending() throws {
        let connection = try TestDatabase.postgres()
        XCTAssertThrowsError(try connection.query("select $1::text", parameters: [.text("a\u{0}b")])) { error in
            XCTAssertTrue(String(describing: error).contains("NUL"), "\(error)")
        }
        XCTAssertEqual(try connection.fetch("select 1").rows, [[.int(1)]])
    }
}
