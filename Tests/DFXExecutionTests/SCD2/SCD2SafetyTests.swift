import DFXExecution
import DFXPostgres
import DFXSQL
import DFXSQLite
import DFXTestSupport
import Foundation
import XCTest

/// A snapshot that fails half-way leaves the history exactly as it was; two snapshot runs at the
/// same time never produce two current rows for one key.
final class SCD2SafetyTests: XCTestCase {
    static let snapshot = """
        {% snapshot customers_snapshot %}
        {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='{schema}', hard_deletes='invalidate') }}
        select * from {{ source('raw', 'customers') }}
        {% endsnapshot %}
        """

    func testAFailureAfterTheCloseRollsBackOnSQLite() throws { try failureRollsBack(.sqlite) }
    func testAFailureAfterTheCloseRollsBackOnPostgreSQL() throws { try failureRollsBack(.postgres) }

    /// The close (an update) runs, then the insert of the new versions fails (a trigger raises):
    /// the closed rows are open again, nothing was inserted, no work table is left, and the next
    /// run applies the change once.
    func failureRollsBack(_ backend: RunProject.Backend) throws {
        let project = try RunProject(backend)
        let postgres = backend == .postgres
        try project.write("models/sources.yml", SCD2Scenario.sources.replacingOccurrences(of: "{schema}", with: project.schema))
        try project.write("snapshots/customers_snapshot.sql", Self.snapshot.replacingOccurrences(of: "{schema}", with: project.schema))
        if postgres { try project.execute("create schema \(project.schema)") }
        try project.execute("create table {customers} (id integer, name text, updated_at text)")
        try project.execute("insert into {customers} values (1, 'a', '2024-01-01 08:00:00'), (2, 'b', '2024-01-01 08:00:00')")
        XCTAssertEqual(project.dfx("snapshot", "--snapshot-time", "2024-01-01 12:00:00").status, 0)
        let before = try project.rows("select id, name, dbt_valid_from, dbt_valid_to, dbt_scd_id from {customers_snapshot} order by id, dbt_valid_from")
        XCTAssertEqual(before.count, 2)

        if postgres {
            try project.execute(
                "create function \(project.schema).boom() returns trigger language plpgsql as $$ begin raise exception 'boom: insert refused'; end $$")
            try project.execute("create trigger boom before insert on {customers_snapshot} for each row execute function \(project.schema).boom()")
        } else {
            try project.execute("create trigger boom before insert on {customers_snapshot} begin select raise(abort, 'boom: insert refused'); end")
        }
        try project.execute("update {customers} set name = 'a2', updated_at = '2024-01-02 10:00:00' where id = 1")
        try project.execute("delete from {customers} where id = 2")
        let failed = project.dfx("snapshot", "--snapshot-time", "2024-01-02 12:00:00")
        XCTAssertEqual(failed.status, 1, failed.output)
        XCTAssertTrue(failed.output.contains("boom: insert refused"), failed.output)
        XCTAssertEqual(
            try project.rows("select id, name, dbt_valid_from, dbt_valid_to, dbt_scd_id from {customers_snapshot} order by id, dbt_valid_from"), before,
            "the history is exactly as it was")
        let leftovers = try project.rows(
            postgres
                ? "select table_name from information_schema.tables where table_schema = '\(project.schema)' and table_name like '%dfx%'"
                : "select name from sqlite_master where name like '%dfx_stage%' or name like '%dfx_changes%'")
        XCTAssertEqual(leftovers, [])

        try project.execute(postgres ? "drop trigger boom on {customers_snapshot}" : "drop trigger boom")
        XCTAssertEqual(project.dfx("snapshot", "--snapshot-time", "2024-01-03 12:00:00").status, 0)
        XCTAssertEqual(
            try project.rows("select id, name, dbt_valid_from, dbt_valid_to from {customers_snapshot} order by id, dbt_valid_from").map { $0.map { $0 ?? "∅" } },
            [
                ["1", "a", "2024-01-01 08:00:00", "2024-01-02 10:00:00"], ["1", "a2", "2024-01-02 10:00:00", "∅"],
                ["2", "b", "2024-01-01 08:00:00", "2024-01-03 12:00:00"],
            ])
    }

    func testDuplicateKeysOnTheFirstLoadCreateNothing() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("models/sources.yml", SCD2Scenario.sources.replacingOccurrences(of: "{schema}", with: project.schema))
            try project.write("snapshots/customers_snapshot.sql", Self.snapshot.replacingOccurrences(of: "{schema}", with: project.schema))
            if backend == .postgres { try project.execute("create schema \(project.schema)") }
            try project.execute("create table {customers} (id integer, name text, updated_at text)")
            try project.execute("insert into {customers} values (1, 'a', '2024-01-01'), (1, 'b', '2024-01-01'), (2, 'c', '2024-01-01')")
            let result = project.dfx("snapshot")
            XCTAssertEqual(result.status, 1, result.output)
            XCTAssertTrue(result.output.contains("id = 1 (2 rows); nothing was written"), result.output)
            XCTAssertThrowsError(try project.rows("select count(*) from {customers_snapshot}"), "\(backend): no history table")
        }
    }

    /// A source column that grows (varchar(5) → varchar(20)) widens the history's column, as dbt
    /// does; the index, grants and comments of the config are applied to the history table.
    func testAWiderSourceColumnWidensTheHistoryOnPostgreSQL() throws {
        let project = try RunProject(.postgres)
        try project.write("models/sources.yml", SCD2Scenario.sources.replacingOccurrences(of: "{schema}", with: project.schema))
        try project.write(
            "snapshots/customers_snapshot.sql",
            Self.snapshot.replacingOccurrences(of: "{schema}", with: project.schema)
                .replacingOccurrences(of: "hard_deletes='invalidate'", with: "hard_deletes='invalidate', grants={'select': ['public']}"))
        try project.execute("create schema \(project.schema)")
        try project.execute("create table {customers} (id integer, name varchar(5), updated_at timestamp)")
        try project.execute("insert into {customers} values (1, 'a', '2024-01-01 08:00')")
        XCTAssertEqual(project.dfx("snapshot", "--snapshot-time", "2024-01-01 12:00:00").status, 0)
        try project.execute("alter table {customers} alter column name type varchar(20)")
        try project.execute("update {customers} set name = 'a much longer name', updated_at = '2024-01-02 08:00' where id = 1")
        let result = project.dfx("snapshot", "--snapshot-time", "2024-01-02 12:00:00")
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(
            try project.rows("select format_type(atttypid, atttypmod) from pg_attribute where attrelid = '\(project.relation("customers_snapshot"))'::regclass and attname = 'name'"),
            [["character varying(20)"]])
        XCTAssertEqual(try project.rows("select name from {customers_snapshot} where dbt_valid_to is null"), [["a much longer name"]])
        XCTAssertEqual(
            try project.rows("select has_table_privilege('public', '\(project.relation("customers_snapshot"))', 'select')"), [["true"]])
        XCTAssertEqual(
            try project.rows("select indexname from pg_indexes where schemaname = '\(project.schema)' and tablename = 'customers_snapshot'"),
            [["customers_snapshot__dfx_key"]])
    }

    func testStringWidening() {
        let cases: [(String, String, Bool)] = [
            ("character varying(20)", "character varying(10)", true), ("character varying(10)", "character varying(20)", false),
            ("text", "character varying(10)", true), ("character varying", "character varying(10)", true),
            ("text", "text", false), ("integer", "character varying(10)", false), ("numeric(12,2)", "numeric(10,2)", false),
        ]
        for (new, old, expected) in cases { XCTAssertEqual(Materializer.widens(new, old), expected, "\(new) over \(old)") }
    }

    func testConcurrentRunsLeaveOneCurrentRowPerKeyOnPostgreSQL() throws {
        let url = try TestDatabase.postgresURL()
        let schema = TestDatabase.uniqueName("dfx_scd2_race")
        let setup = try PostgresConnection(parameters: ["dbname": url])
        try setup.execute("create schema " + schema)
        defer { _ = try? setup.execute("drop schema " + schema + " cascade") }
        try concurrentRuns(schema: schema, setup: setup) { try PostgresConnection(parameters: ["dbname": url]) }
    }

    func testConcurrentRunsLeaveOneCurrentRowPerKeyOnSQLite() throws {
        let folder = try TestDatabase.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/race.db"
        let setup = try SQLiteConnection(path: path)
        try concurrentRuns(schema: "main", setup: setup) { try SQLiteConnection(path: path) }
    }

    /// Four runs of the same snapshot at once, over 5,000 changed rows: each key ends with exactly
    /// one current row and one closed one, whichever run got there first.
    func concurrentRuns(schema: String, setup: any WarehouseConnection, open: @escaping @Sendable () throws -> any WarehouseConnection) throws {
        let dialect = setup.dialect
        let source = RelationName(schema: schema, name: "customers")
        let history = RelationName(schema: schema, name: "customers_history")
        let rows = 5000
        try setup.execute(
            "create table \(source.rendered(dialect)) as select id, 'a' as name, '2024-01-01 08:00:00' as updated_at from ("
                + (dialect.kind == .postgres
                    ? "select generate_series(1, \(rows)) as id"
                    : "with recursive n(id) as (select 1 union all select id + 1 from n where id < \(rows)) select id from n")
                + ") as ids")
        let select = "select * from " + source.rendered(dialect)
        func spec(_ time: String) -> SCD2Spec {
            SCD2Spec(target: history, uniqueKey: ["id"], strategy: .timestamp(updatedAt: "updated_at"), executionTime: time)
        }
        let first = Materializer(connection: setup, suffix: "first", managedRelations: [])
        try first.applySCD2(spec("2024-01-01 12:00:00"), select: select)
        try setup.execute("update \(source.rendered(dialect)) set name = 'b', updated_at = '2024-01-02 08:00:00'")

        let failures = Failures()
        let racing = spec("2024-01-02 12:00:00")
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let connection = try open()
                let materializer = Materializer(connection: connection, suffix: "w\(worker)", managedRelations: [])
                try materializer.applySCD2(racing, select: select)
            } catch {
                failures.append(String(describing: error))
            }
        }
        XCTAssertEqual(failures.all, [])
        let table = history.rendered(dialect)
        let counts = try setup.fetch(
            "select count(*), count(distinct id), sum(case when dbt_valid_to is null then 1 else 0 end) from \(table)").textRows
        XCTAssertEqual(counts, [[String(2 * rows), String(rows), String(rows)]])
        let doubled = try setup.fetch("select id from \(table) where dbt_valid_to is null group by id having count(*) > 1 limit 3").textRows
        XCTAssertEqual(doubled, [])
    }
}

/// Errors collected from concurrent workers.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ text: String) { lock.withLock { stored.append(text) } }

    var all: [String] { lock.withLock { stored } }
}
