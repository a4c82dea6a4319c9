import DFXTestSupport
import DFXPostgres
import DFXSQL
import XCTest

final class PostgresCopyTests: XCTestCase {
    struct SourceFailed: Error {}

    func testHundredThousandTrickyRowsRoundTripExactly() throws {
        let connection = try TestDatabase.postgres()
        let table = TestDatabase.uniqueName("copied")
        try connection.execute("create temporary table \(table) (id int, label text, note text)")
        let count = 100_000
        let rows = (0..<count).lazy.map { index -> [SQLValue] in
            [.int(Int64(index)), .text(TrickyText.value(index)), index % 7 == 0 ? .null : .text(index % 5 == 0 ? "" : "\\N")]
        }
        XCTAssertEqual(try connection.copyIn(table: table, columns: ["id", "label", "note"], rows: rows), count)
        let back = try connection.fetch("select id, label, note from \(table) order by id")
        XCTAssertEqual(back.rows.count, count)
        var mismatches = 0
        for (index, row) in back.rows.enumerated() where row != Array(rows[index]) {
            mismatches += 1
            if mismatches < 5 { XCTFail("row \(index): \(row) != \(Array(rows[index]))") }
        }
        XCTAssertEqual(mismatches, 0)
    }

    func testRawChunksSplitAnywhere() throws {
        let connection = try TestDatabase.postgres()
        let table = TestDatabase.uniqueName("chunks")
        try connection.execute("create temporary table \(table) (a text, b int)")
        let bytes = PostgresCopyText.encode([[.text("a\tb"), .int(1)], [.text("ü\\"), .null], [.text("\n"), .int(3)]])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "a\\tb\t1\nü\\\\\t\\N\n\\n\t3\n")
        // One byte at a time: a chunk may end inside a row or a UTF-8 sequence.
        var index = 0
        let copied = try connection.copyIn("copy \(table) from stdin") {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return [bytes[index]]
        }
        XCTAssertEqual(copied, 3)
        XCTAssertEqual(
            try connection.fetch("select a, b from \(table) order by b nulls last").rows,
            [[.text("a\tb"), .int(1)], [.text("\n"), .int(3)], [.text("ü\\"), .null]])
    }

    func testBadDataFailsWithTheServerErrorAndLoadsNothing() throws {
        let connection = try TestDatabase.postgres()
        let table = TestDatabase.uniqueName("bad")
        try connection.execute("create temporary table \(table) (a int)")
        XCTAssertThrowsError(try connection.copyIn(table: table, rows: [[.int(1)], [.text("x")]])) { error in
            guard let error = error as? DatabaseError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(error.code, "22P02")
            XCTAssertTrue(error.message.contains("\"x\""), error.message)
        }
        XCTAssertEqual(try connection.fetch("select count(*) from \(table)").rows, [[.int(0)]])
    }

    func testAFailingSourceAbortsTheCopy() throws {
        let connection = try TestDatabase.postgres()
        let table = TestDatabase.uniqueName("aborted")
        try connection.execute("create temporary table \(table) (a int)")
        var calls = 0
        XCTAssertThrowsError(
            try connection.copyIn("copy \(table) from stdin") {
                calls += 1
                if calls > 2 { throw SourceFailed() }
                return Array("\(calls)\n".utf8)
            }
        ) { XCTAssertTrue($0 is SourceFailed, "\($0)") }
        XCTAssertEqual(try connection.fetch("select count(*) from \(table)").rows, [[.int(0)]])
    }

    func testCopyNeedsACopyStatement() throws {
        let connection = try TestDatabase.postgres()
        XCTAssertThrowsError(try connection.copyIn("select 1") { nil })
        XCTAssertThrowsError(try connection.copyIn("copy no_such_table_for_copy from stdin") { nil }) { error in
            XCTAssertEqual((error as? DatabaseError)?.code, "42P01")
        }
        XCTAssertEqual(try connection.fetch("select 2").rows, [[.int(2)]])
    }
}
