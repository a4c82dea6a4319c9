import DFXSQL
import XCTest

/// Behaviour every `WarehouseConnection` must show, run by both adapters' test cases.
enum ConnectionConformance {
    struct Rollback: Error {}

    /// A failed transaction (a thrown error, or a failing statement) leaves the data as it was; a
    /// successful one commits.
    static func transactionsRollBackAndCommit(_ connection: any WarehouseConnection, table: String) throws {
        let name = connection.dialect.quoteIdentifier(table)
        try connection.execute("create table \(name) (id integer, label text)")
        defer { _ = try? connection.execute("drop table \(name)") }
        try connection.execute("insert into \(name) values (1, 'one'), (2, 'two')")
        XCTAssertThrowsError(
            try connection.transaction {
                try connection.execute("delete from \(name)")
                try connection.execute("insert into \(name) values (3, 'three')")
                throw Rollback()
            }
        ) { XCTAssertTrue($0 is Rollback, "\($0)") }
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertThrowsError(
            try connection.transaction {
                try connection.execute("update \(name) set label = 'changed'")
                try connection.execute("insert into \(name) values ('not a number but text', 1, 2)")
            })
        XCTAssertFalse(connection.isInTransaction)
        let kept = try connection.fetch("select id, label from \(name) order by id")
        XCTAssertEqual(kept.rows, [[.int(1), .text("one")], [.int(2), .text("two")]])
        let inserted = try connection.transaction {
            try connection.execute("insert into \(name) values (3, 'three')")
        }
        XCTAssertEqual(inserted, 1)
        XCTAssertEqual(try connection.fetch("select count(*) from \(name)").rows, [[.int(3)]])
    }

    /// Bound parameters arrive exactly as given, whatever quotes or SQL they hold, and never run.
    static func parametersAreNeverSQL(_ connection: any WarehouseConnection, table: String, placeholders: [String]) throws {
        let name = connection.dialect.quoteIdentifier(table)
        try connection.execute("create table \(name) (id integer, label text)")
        defer { _ = try? connection.execute("drop table \(name)") }
        for (index, piece) in TrickyText.pieces.enumerated() {
            let inserted = try connection.execute(
                "insert into \(name) (id, label) values (\(placeholders[0]), \(placeholders[1]))",
                parameters: [.int(Int64(index)), .text(piece)])
            XCTAssertEqual(inserted, 1)
        }
        let rows = try connection.query("select label from \(name) where id >= \(placeholders[0]) order by id", parameters: [.int(0)])
        XCTAssertEqual(rows.rows.map { $0.first }, TrickyText.pieces.map { SQLValue.text($0) })
        let matched = try connection.query(
            "select id from \(name) where label = \(placeholders[0])", parameters: [.text("Robert'); drop table students;--")])
        XCTAssertEqual(matched.rows.count, 1)
        try connection.execute("insert into \(name) (id, label) values (\(placeholders[0]), \(placeholders[1]))", parameters: [.int(-1), .null])
        XCTAssertEqual(try connection.fetch("select id from \(name) where label is null").rows, [[.int(-1)]])
    }

    /// `loadRows` loads every row exactly, or none when one fails.
    static func loadRowsLoadsAllOrNothing(_ connection: any WarehouseConnection, table: String) throws {
        let name = connection.dialect.quoteIdentifier(table)
        try connection.execute("create table \(name) (id integer not null, label text)")
        defer { _ = try? connection.execute("drop table \(name)") }
        let rows = (0..<10_000).map { index -> [SQLValue] in
            [.int(Int64(index)), index % 11 == 0 ? .null : .text(TrickyText.value(index))]
        }
        XCTAssertEqual(try connection.loadRows(into: name, columns: ["id", "label"], rows: rows), rows.count)
        XCTAssertEqual(try connection.fetch("select id, label from \(name) order by id").rows, rows)
        XCTAssertThrowsError(try connection.loadRows(into: name, columns: ["id", "label"], rows: [[.int(-1), .text("x")], [.null, .text("y")]]))
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try connection.fetch("select count(*) from \(name)").rows, [[.int(Int64(rows.count))]])
    }

    /// A transaction inside a transaction is a savepoint: its failure undoes only its own work.
    static func nestedTransactionsUseSavepoints(_ connection: any WarehouseConnection, table: String) throws {
        let name = connection.dialect.quoteIdentifier(table)
        try connection.execute("create table \(name) (id integer not null)")
        defer { _ = try? connection.execute("drop table \(name)") }
        try connection.transaction {
            try connection.execute("insert into \(name) values (1)")
            XCTAssertThrowsError(
                try connection.transaction {
                    try connection.execute("insert into \(name) values (2)")
                    try connection.execute("insert into \(name) values (null)")
                })
            XCTAssertThrowsError(
                try connection.transaction {
                    try connection.execute("insert into \(name) values (3)")
                    throw Rollback()
                })
            try connection.transaction { try connection.execute("insert into \(name) values (4)") }
            XCTAssertTrue(connection.isInTransaction)
        }
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try connection.fetch("select id from \(name) order by id").rows, [[.int(1)], [.int(4)]])
    }
}

extension ConnectionConformance {
    /// A statement over the timeout fails within a few seconds; later statements run unlimited.
    static func statementTimeoutStopsLongStatements(_ connection: any WarehouseConnection, longStatement: String) throws {
        let start = ContinuousClock.now
        XCTAssertThrowsError(try connection.withStatementTimeout(milliseconds: 200) { try connection.execute(longStatement) }) { error in
            XCTAssertTrue(String(describing: error).contains("canceling statement due to statement timeout"), "\(error)")
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(4))
        XCTAssertFalse(connection.isInTransaction)
        let quick = try connection.withStatementTimeout(milliseconds: 5000) { try connection.fetch("select 1 + 1").rows }
        XCTAssertEqual(quick, [[.int(2)]])
        XCTAssertEqual(try connection.withStatementTimeout(milliseconds: nil) { try connection.fetch("select 3").rows }, [[.int(3)]])
    }
}
