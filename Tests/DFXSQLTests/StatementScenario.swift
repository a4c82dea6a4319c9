import DFXBasics
import DFXSQL
import XCTest

/// Runs every case of a `StatementCatalog` on a real database, in catalog order (transaction
/// control twice), and checks the data between the steps: the golden statements are known to run
/// and to do what they say.
struct StatementScenario {
    let catalog: StatementCatalog
    let execute: (String) throws -> [[String?]]
    /// Runs one statement with bound values (SQLite's `?` parameters); nil where not available.
    var executeBound: ((String, [SQLValue]) throws -> Void)?
    private(set) var executed: Set<String> = []

    init(catalog: StatementCatalog, execute: @escaping (String) throws -> [[String?]]) {
        self.catalog = catalog
        self.execute = execute
    }

    var dialect: SQLDialect { catalog.dialect }
    var isPostgres: Bool { dialect.kind == .postgres }

    /// Renders and executes the named case; the rows of its last statement.
    @discardableResult
    mutating func run(_ name: String) throws -> [[String?]] {
        guard let statement = catalog.statement(name) else {
            XCTFail("no case \(name)")
            return []
        }
        executed.insert(name)
        return try run(statement)
    }

    @discardableResult
    func run(_ statement: any SQLStatement) throws -> [[String?]] {
        var rows: [[String?]] = []
        for sql in try statement.render(dialect) { rows = try execute(sql) }
        return rows
    }

    /// The rows of the orders table as `id|region|amount`, NULL as `∅`, in a fixed order.
    func orderRows() throws -> [String] {
        try execute("select id, region, amount from \(catalog.orders.rendered(dialect)) order by id, coalesce(region, ''), amount")
            .map { row in row.map { $0 ?? "∅" }.joined(separator: "|") }
    }

    func type(of relation: RelationName) throws -> RelationType? {
        RelationTypeQuery.decode(try run(RelationTypeQuery(relation: relation)))
    }

    func scalar(_ sql: String) throws -> String? {
        try execute(sql).first?.first ?? nil
    }

    /// The whole sequence with its checks.
    mutating func exercise() throws {
        let orders = catalog.orders
        let lit = dialect.quoteLiteral
        try run("create_schema")
        try run("create_table_as")
        try run("create_table_as_unlogged")
        if isPostgres {
            XCTAssertEqual(
                try scalar("select c.relpersistence from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = \(lit(catalog.schema)) and c.relname = 'orders_delta'"),
                "u")
        }
        try run("create_table_as_odd_name")
        XCTAssertEqual(try execute("select \(dialect.quoteIdentifier(catalog.oddColumn)) from \(catalog.odd.rendered(dialect))"), [["it's"]])
        try run("create_table")
        try run("create_table_if_not_exists")
        _ = try execute("insert into \(catalog.prices.rendered(dialect)) (id, name, price) values (1, 'a', 1.25)")
        XCTAssertEqual(
            ListColumnsQuery.decode(try run(ListColumnsQuery(relation: catalog.prices))).map { $0.name + " " + $0.dataType.lowercased() },
            ["id integer", "name text", "price numeric(10,2)"])
        // Bound parameters: PostgreSQL runs the golden text through PREPARE/EXECUTE; SQLite binds
        // the values through the adapter.
        if isPostgres, let sql = try catalog.statement("insert_values")?.render(dialect).first {
            executed.insert("insert_values")
            _ = try execute("prepare dfx_insert_values as " + sql)
            _ = try execute("execute dfx_insert_values(2, 'b', 2.5, 3, 'c''s', 3.75)")
            _ = try execute("deallocate dfx_insert_values")
            XCTAssertEqual(
                try execute("select id, name, price from \(catalog.prices.rendered(dialect)) order by id"),
                [["1", "a", "1.25"], ["2", "b", "2.50"], ["3", "c's", "3.75"]])
        } else if let executeBound, let sql = try catalog.statement("insert_values")?.render(dialect).first {
            executed.insert("insert_values")
            try executeBound(sql, [.int(2), .text("b"), .double(2.5), .int(3), .text("c's"), .double(3.75)])
            XCTAssertEqual(
                try execute("select id, name, price from \(catalog.prices.rendered(dialect)) order by id"),
                [["1", "a", "1.25"], ["2", "b", "2.5"], ["3", "c's", "3.75"]])
        }
        try run("alter_column_type")
        XCTAssertEqual(
            ListColumnsQuery.decode(try run(ListColumnsQuery(relation: catalog.prices))).last?.dataType.lowercased(),
            isPostgres ? "numeric(12,4)" : "numeric(10,2)")
        XCTAssertEqual(try scalar("select price from \(catalog.prices.rendered(dialect)) where id = 1"), isPostgres ? "1.2500" : "1.25")
        try run("create_view")

        XCTAssertEqual(RelationTypeQuery.decode(try run("relation_type")), .table)
        XCTAssertEqual(RelationTypeQuery.decode(try run("relation_type_odd_name")), .table)
        XCTAssertEqual(try type(of: catalog.view), .view)
        XCTAssertNil(try type(of: orders.renamed("missing")))

        let columns = ListColumnsQuery.decode(try run("list_columns"))
        XCTAssertEqual(columns.map(\.name), StatementCatalog.columns)
        if isPostgres { XCTAssertEqual(columns.map(\.dataType), ["integer", "text", "integer"]) }

        XCTAssertTrue(HasDependentViewsQuery.decode(try run("has_dependent_views")))
        XCTAssertFalse(HasDependentViewsQuery.decode(try run(HasDependentViewsQuery(relation: catalog.view))))
        let dependents = ListDependentViewsQuery.decode(try run("list_dependent_views"))
        XCTAssertEqual(dependents.map(\.name), [isPostgres ? "orders_view" : catalog.view.flatName])
        XCTAssertEqual(dependents.map(\.depth), [1])
        XCTAssertEqual(dependents.map(\.type), [.view])
        XCTAssertTrue(dependents.first?.createStatement.lowercased().hasPrefix("create view") ?? false, "\(dependents)")

        // dbt's test query: one failing row (the NULL region): an error (>= 1), not a warning (> 5).
        let verdict = TestResultQuery.decode(try run("test_result"))
        XCTAssertEqual(verdict.failures, 1)
        XCTAssertFalse(verdict.shouldWarn)
        XCTAssertTrue(verdict.shouldError)
        XCTAssertEqual(try run("sample_rows").count, 4)
        XCTAssertEqual(RowCountQuery.decode(try run("row_count")), 4)
        // Source freshness: the latest load (2024-01-01 UTC) and now, as Unix seconds.
        let freshness = FreshnessQuery.decode(try run("freshness"))
        XCTAssertEqual(try XCTUnwrap(freshness.maxLoadedAt), 1_704_067_200, accuracy: 0.01)
        XCTAssertGreaterThan(try XCTUnwrap(freshness.snapshottedAt), 1_704_067_200)

        // A rolled-back insert leaves nothing behind.
        try run("begin")
        try run("advisory_lock")
        try run("lock_relation")
        try run("insert_select")
        XCTAssertEqual(try orderRows().count, 5)
        XCTAssertEqual(try orderRows().last, "5|eu|50")
        try run("rollback")
        XCTAssertEqual(try orderRows(), ["1|eu|10", "1|us|11", "2|∅|20", "4|eu|40"])

        // Composite key with a NULL part: (2, NULL) is replaced, not duplicated.
        try run("delete_insert")
        XCTAssertEqual(try orderRows(), ["1|eu|15", "1|us|11", "2|∅|25", "3|us|30", "4|eu|40"])
        try run("merge")
        XCTAssertEqual(try orderRows(), ["1|eu|15", "1|us|111", "2|∅|222", "3|us|30", "4|eu|40", "6|∅|60"])
        // The predicate is part of the match: (1, us) at 111 fails it, so its source row is inserted.
        try run("merge_with_predicates")
        XCTAssertEqual(try orderRows(), ["1|eu|15", "1|us|1", "1|us|111", "2|∅|222", "3|us|30", "4|eu|44", "6|∅|60"])
        // No update columns: id 3 is left alone, id 7 is new.
        try run("merge_single_key_insert_only")
        XCTAssertEqual(try orderRows(), ["1|eu|15", "1|us|1", "1|us|111", "2|∅|222", "3|us|30", "4|eu|44", "6|∅|60", "7|eu|70"])
        // The predicate spares (6, NULL, 60) from the delete; the new row is inserted beside it.
        try run("delete_insert_with_predicates")
        XCTAssertEqual(
            try orderRows(), ["1|eu|15", "1|us|1", "1|us|111", "2|∅|222", "3|us|30", "4|eu|44", "6|∅|60", "6|∅|66", "7|eu|70"])

        try run("add_column")
        // SQLite reports declared types upper-cased.
        let added = ListColumnsQuery.decode(try run(ListColumnsQuery(relation: orders))).last
        XCTAssertEqual(added?.name, "note")
        XCTAssertEqual(added?.dataType, isPostgres ? "text" : "TEXT")
        try run("comment_on_table")
        try run("comment_on_column")
        if isPostgres {
            let regclass = lit(orders.rendered(dialect)) + "::regclass"
            XCTAssertEqual(try scalar("select obj_description(\(regclass), 'pg_class')"), "One row per id and region; it's tested")
            XCTAssertEqual(
                try scalar("select col_description(\(regclass), (select attnum from pg_attribute where attrelid = \(regclass) and attname = 'note'))"),
                "free text")
        }
        try run("drop_column")
        XCTAssertEqual(ListColumnsQuery.decode(try run(ListColumnsQuery(relation: orders))).map(\.name), StatementCatalog.columns)

        try run("grant_select")
        if isPostgres {
            XCTAssertEqual(try scalar("select has_table_privilege(\(lit(catalog.role)), \(lit(orders.rendered(dialect))), 'select')"), "t")
        }
        let grants = ListGrantsQuery.decode(try run("list_grants"))
        XCTAssertEqual(
            grants,
            isPostgres ? [RelationGrant(grantee: "PUBLIC", privilege: "select"), RelationGrant(grantee: catalog.role, privilege: "select")] : [])
        try run("revoke_select")
        XCTAssertEqual(ListGrantsQuery.decode(try run(ListGrantsQuery(relation: orders))), [])
        if isPostgres {
            XCTAssertEqual(try scalar("select has_table_privilege(\(lit(catalog.role)), \(lit(orders.rendered(dialect))), 'select')"), "f")
        }
        try run("create_index")
        XCTAssertThrowsError(try execute("insert into \(orders.rendered(dialect)) (id, region, amount) values (1, 'eu', 15)"))
        try run("create_index")  // if not exists: a second run is harmless

        try exerciseDependents()

        // The swap of a release: both renames in one transaction.
        try run("begin")
        try run("rename_table")
        try run("rename_view")
        try run("commit")
        try exerciseSCD2()
        XCTAssertNil(try type(of: catalog.delta))
        XCTAssertEqual(try type(of: catalog.delta.renamed("orders_delta_old")), .table)
        XCTAssertNil(try type(of: catalog.view))
        XCTAssertEqual(try type(of: catalog.view.renamed("orders_view_renamed")), .view)
        XCTAssertEqual(try scalar("select count(*) from \(catalog.view.renamed("orders_view_renamed").rendered(dialect))"), "9")

        try run("drop_view")
        try run("drop_table")
        XCTAssertNil(try type(of: catalog.view.renamed("orders_view_renamed")))
        XCTAssertNil(try type(of: catalog.delta.renamed("orders_delta_old")))
        try run("drop_view")  // if exists: a second drop is harmless

        XCTAssertEqual(executed, Set(catalog.cases.map(\.name)), "every golden case runs")
    }

    private func dropTable(_ relation: RelationName) throws {
        _ = try run(DropRelationStatement(relation: relation, type: .table))
    }

    /// A timestamp to compare: typed on PostgreSQL, ISO text on SQLite.
    private func ts(_ text: String) -> String {
        isPostgres ? "cast(\(dialect.quoteLiteral(text)) as timestamp)" : dialect.quoteLiteral(text)
    }

    /// The rows of a history table as `id|region|name|valid_from|valid_to[|is_deleted]`.
    private func history(_ relation: RelationName, deleted: Bool = false) throws -> [String] {
        let extra = deleted ? ", dbt_is_deleted" : ""
        return try execute(
            "select id, region, name, dbt_valid_from, dbt_valid_to\(extra) from \(relation.rendered(dialect)) "
                + "order by id, region, dbt_valid_from, dbt_valid_to is null, name"
        ).map { row in row.map { $0 ?? "∅" }.joined(separator: "|") }
    }

    /// Two days of an SCD2 history on both specs: first load, then a changed row, a deleted
    /// row, a new row and a value that becomes NULL (a change for `check`, not for `timestamp`).
    private mutating func exerciseSCD2() throws {
        let source = catalog.customers.rendered(dialect)
        _ = try execute(
            "create table \(source) as select 1 as id, 'eu' as region, 'a' as name, \(ts("2024-01-01 00:00:00")) as updated_at "
                + "union all select 2, 'us', 'b', \(ts("2024-01-01 00:00:00")) union all select 3, 'eu', 'c', \(ts("2024-01-01 00:00:00"))")
        try run("scd2_stage")
        XCTAssertEqual(SCD2KeyCheckQuery.decode(try run("scd2_key_check"), keyCount: 2), [])
        try run("scd2_create_timestamp")
        try run("scd2_create_check_new_record")
        try dropTable(catalog.stage)
        XCTAssertEqual(
            try history(catalog.customersHistory),
            ["1|eu|a|2024-01-01 00:00:00|∅", "2|us|b|2024-01-01 00:00:00|∅", "3|eu|c|2024-01-01 00:00:00|∅"])
        XCTAssertEqual(
            try history(catalog.regionsHistory, deleted: true),
            ["1|eu|a|2024-01-04 00:00:00|∅|False", "2|us|b|2024-01-04 00:00:00|∅|False", "3|eu|c|2024-01-04 00:00:00|∅|False"])
        let hash = try execute("select dbt_scd_id from \(catalog.customersHistory.rendered(dialect)) where id = 1")
        XCTAssertEqual(hash, [[Digest.md5Hex("1|2024-01-01 00:00:00")]], "dbt's scd id: md5 of key|updated_at")

        // Day 2.
        _ = try execute("update \(source) set name = 'a2', updated_at = \(ts("2024-01-02 00:00:00")) where id = 1")
        _ = try execute("update \(source) set name = null where id = 3")
        _ = try execute("delete from \(source) where id = 2")
        _ = try execute("insert into \(source) (id, region, name, updated_at) values (4, 'us', 'd', \(ts("2024-01-03 00:00:00")))")
        try run("scd2_stage")
        try run("scd2_changes_timestamp")
        try run("scd2_reopen_timestamp")
        try run("scd2_close_timestamp")
        try run("scd2_insert_timestamp")
        try dropTable(catalog.changes)
        XCTAssertEqual(
            try history(catalog.customersHistory),
            [
                "1|eu|a|2024-01-01 00:00:00|2024-01-02 00:00:00", "1|eu|a2|2024-01-02 00:00:00|∅",
                "2|us|b|2024-01-01 00:00:00|2024-01-05 00:00:00", "3|eu|c|2024-01-01 00:00:00|∅", "4|us|d|2024-01-03 00:00:00|∅",
            ])
        try run("scd2_changes_check_new_record")
        try run("scd2_close_check_new_record")
        try run("scd2_insert_check_new_record")
        try dropTable(catalog.changes)
        try dropTable(catalog.stage)
        XCTAssertEqual(
            try history(catalog.regionsHistory, deleted: true),
            [
                "1|eu|a|2024-01-04 00:00:00|2024-01-05 00:00:00|False", "1|eu|a2|2024-01-05 00:00:00|∅|False",
                "2|us|b|2024-01-04 00:00:00|2024-01-05 00:00:00|False", "2|us|b|2024-01-05 00:00:00|∅|True",
                "3|eu|c|2024-01-04 00:00:00|2024-01-05 00:00:00|False", "3|eu|∅|2024-01-05 00:00:00|∅|False",
                "4|us|d|2024-01-05 00:00:00|∅|False",
            ])

        // A duplicated key and a NULL key part are found before anything is written.
        _ = try execute("insert into \(source) (id, region, name, updated_at) values (3, 'eu', 'x', \(ts("2024-01-03 00:00:00")))")
        _ = try execute("insert into \(source) (id, region, name, updated_at) values (5, null, 'y', \(ts("2024-01-03 00:00:00")))")
        try run("scd2_stage")
        XCTAssertEqual(
            SCD2KeyCheckQuery.decode(try run("scd2_key_check"), keyCount: 2),
            [SCD2KeyCheckQuery.Problem(values: ["3", "eu"], rows: 2), SCD2KeyCheckQuery.Problem(values: ["5", nil], rows: 1)])
        try dropTable(catalog.stage)
        try dropTable(catalog.customersHistory)
        try dropTable(catalog.regionsHistory)
        try dropTable(catalog.customers)
    }

    /// Views on views are found transitively, and their create statements run.
    private func exerciseDependents() throws {
        let nested = catalog.view.renamed("orders_view_nested")
        try run(CreateViewStatement(relation: nested, select: "select id from \(catalog.view.rendered(dialect))"))
        let found = ListDependentViewsQuery.decode(try run(ListDependentViewsQuery(relation: catalog.orders)))
        XCTAssertEqual(found.map(\.name), isPostgres ? ["orders_view", "orders_view_nested"] : [catalog.view.flatName, nested.flatName])
        XCTAssertEqual(found.map(\.depth), [1, 2])
        guard let last = found.last else { return }
        XCTAssertFalse(last.createStatement.hasSuffix(";"), last.createStatement)
        try run(DropRelationStatement(relation: nested, type: .view))
        _ = try execute(last.createStatement)
        XCTAssertEqual(try type(of: nested), .view)
        try run(DropRelationStatement(relation: nested, type: .view))
    }
}
