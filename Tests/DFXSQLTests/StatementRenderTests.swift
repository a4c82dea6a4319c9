import DFXSQL
import XCTest

/// Rendering details the golden files do not show: refusals, options and decoding.
final class StatementRenderTests: XCTestCase {
    let orders = RelationName(schema: "analytics", name: "orders")

    func testStatementsThatCannotBeRenderedSayWhy() {
        let cases: [(String, any SQLStatement, SQLDialect, String)] = [
            ("merge without key", MergeStatement(target: orders, source: .relation(orders), uniqueKey: [], columns: ["a"]), .postgres, "needs a unique_key"),
            ("merge without columns", MergeStatement(target: orders, source: .relation(orders), uniqueKey: ["a"], columns: []), .sqlite, "at least one column"),
            ("delete+insert with an empty key part", DeleteInsertStatement(target: orders, source: .relation(orders), uniqueKey: ["a", ""], columns: ["a"]), .postgres, "unique_key entry 2 is empty"),
            ("insert without columns", InsertSelectStatement(relation: orders, columns: [], source: .query("select 1")), .sqlite, "at least one column"),
            ("view rename on SQLite without definition", RenameRelationStatement(relation: orders, newName: "x", type: .view), .sqlite, "without its definition"),
            ("materialized view on SQLite", DropRelationStatement(relation: orders, type: .materializedView), .sqlite, "sqlite has no materialized view"),
            ("rename of a foreign table on SQLite", RenameRelationStatement(relation: orders, newName: "x", type: .foreignTable), .sqlite, "no foreign table"),
            ("index without columns", CreateIndexStatement(name: "i", relation: orders, columns: []), .postgres, "at least one column"),
            ("index method that is not a word", CreateIndexStatement(name: "i", relation: orders, columns: ["a"], method: "btree; drop table x"), .postgres, "not an access method"),
            ("insert of no rows", InsertValuesStatement(relation: orders, columns: ["a"], rowCount: 0), .postgres, "at least one row"),
            ("insert with too many parameters", InsertValuesStatement(relation: orders, columns: ["a", "b"], rowCount: 20_000), .sqlite, "more than sqlite's 32766"),
            ("insert with an absurd row count", InsertValuesStatement(relation: orders, columns: ["a", "b"], rowCount: Int.max), .postgres, "more than postgres's 65535"),
            ("empty index method", CreateIndexStatement(name: "i", relation: orders, columns: ["a"], method: ""), .postgres, "not an access method"),
        ]
        for (label, statement, dialect, expected) in cases {
            XCTAssertThrowsError(try statement.render(dialect), label) { error in
                guard let error = error as? SQLRenderError else { return XCTFail("\(label): \(error)") }
                XCTAssertTrue(error.message.contains(expected), "\(label): \(error.message)")
                XCTAssertTrue(error.description.hasPrefix("error: "), "\(label): \(error.description)")
            }
        }
    }

    func testRenderingOptions() throws {
        let cases: [(String, any SQLStatement, SQLDialect, [String])] = [
            ("plain equality when not null-safe",
             DeleteInsertStatement(target: orders, source: .relation(orders.renamed("new")), uniqueKey: ["id"], columns: ["id"], nullSafe: false), .sqlite,
             ["delete from \"analytics.orders\" as \"dbt_internal_dest\"\nwhere exists (\n  select 1\n  from \"analytics.new\" as \"dbt_internal_source\"\n  where \"dbt_internal_dest\".\"id\" = \"dbt_internal_source\".\"id\"\n)",
              "insert into \"analytics.orders\" (\"id\")\nselect \"dbt_internal_source\".\"id\"\nfrom \"analytics.new\" as \"dbt_internal_source\""]),
            ("merge that only inserts on PostgreSQL",
             MergeStatement(target: orders, source: .relation(orders.renamed("new")), uniqueKey: ["id"], columns: ["id"]), .postgres,
             ["delete from \"analytics\".\"orders\" as \"dbt_internal_dest\"\nusing (\n  select * from \"analytics\".\"new\" as \"dbt_internal_source\"\n  where \"dbt_internal_source\".\"id\" is null\n) as \"dbt_internal_source\"\nwhere \"dbt_internal_dest\".\"id\" is not distinct from \"dbt_internal_source\".\"id\"",
              "merge into \"analytics\".\"orders\" as \"dbt_internal_dest\"\nusing \"analytics\".\"new\" as \"dbt_internal_source\"\non \"dbt_internal_dest\".\"id\" = \"dbt_internal_source\".\"id\"\nwhen not matched then insert (\"id\")\nvalues (\"dbt_internal_source\".\"id\")"]),
            ("blank predicates are ignored",
             MergeStatement(target: orders, source: .relation(orders), uniqueKey: ["id"], columns: ["id"], incrementalPredicates: ["  "]), .sqlite,
             ["insert into \"analytics.orders\" (\"id\")\nselect \"dbt_internal_source\".\"id\"\nfrom \"analytics.orders\" as \"dbt_internal_source\"\nwhere not exists (\n  select 1\n  from \"analytics.orders\" as \"dbt_internal_dest\"\n  where \"dbt_internal_dest\".\"id\" is \"dbt_internal_source\".\"id\"\n)"]),
            ("unlogged ignored on SQLite", CreateTableAsStatement(relation: orders, select: "select 1", unlogged: true), .sqlite,
             ["create table \"analytics.orders\" as\nselect 1"]),
            ("view rename on PostgreSQL", RenameRelationStatement(relation: orders, newName: "old", type: .view), .postgres,
             ["alter view \"analytics\".\"orders\" rename to \"old\""]),
            ("materialized view rename", RenameRelationStatement(relation: orders, newName: "old", type: .materializedView), .postgres,
             ["alter materialized view \"analytics\".\"orders\" rename to \"old\""]),
            ("drop materialized view", DropRelationStatement(relation: orders, type: .materializedView), .postgres,
             ["drop materialized view if exists \"analytics\".\"orders\""]),
            ("comment removed", CommentStatement(target: .relation(orders, .view), text: nil), .postgres,
             ["comment on view \"analytics\".\"orders\" is null"]),
            ("no grant without roles", GrantStatement(relation: orders, roles: []), .postgres, []),
            ("grant on SQLite", GrantStatement(relation: orders, roles: ["r"]), .sqlite, []),
            ("other privileges, PUBLIC keyword", GrantStatement(privilege: .insert, relation: orders, roles: ["PUBLIC", "Mixed Case"]), .postgres,
             ["grant insert on table \"analytics\".\"orders\" to public, \"Mixed Case\""]),
            ("index method upper-cased, plain index", CreateIndexStatement(name: "i", relation: orders, columns: ["a"], method: "GIN"), .postgres,
             ["create index if not exists \"i\" on \"analytics\".\"orders\" using gin (\"a\")"]),
            ("index method ignored on SQLite", CreateIndexStatement(name: "i", relation: orders, columns: ["a"], method: "hash"), .sqlite,
             ["create index if not exists \"analytics.i\" on \"analytics.orders\" (\"a\")"]),
            ("schema in another database", CreateSchemaStatement(database: "warehouse", schema: "analytics"), .postgres,
             ["create schema if not exists \"warehouse\".\"analytics\""]),
            ("relation without schema in the current schema", RelationTypeQuery(relation: RelationName(schema: nil, name: "t")), .postgres,
             ["select case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view' when 'm' then 'materialized_view' when 'f' then 'foreign_table' else 'other' end\nfrom pg_catalog.pg_class c\njoin pg_catalog.pg_namespace n on n.oid = c.relnamespace\nwhere n.nspname = current_schema() and c.relname = 't'"]),
            ("relation without schema on SQLite", ListColumnsQuery(relation: RelationName(schema: nil, name: "t")), .sqlite,
             ["select name, type from pragma_table_info('t') order by cid"]),
            ("parameters numbered row by row", InsertValuesStatement(relation: orders, columns: ["a", "b"], rowCount: 2), .sqlite,
             ["insert into \"analytics.orders\" (\"a\", \"b\")\nvalues (?1, ?2),\n       (?3, ?4)"]),
            ("column without type", AddColumnStatement(relation: orders, column: "c", dataType: " "), .sqlite,
             ["alter table \"analytics.orders\" add column \"c\""]),
        ]
        for (label, statement, dialect, expected) in cases {
            XCTAssertEqual(try statement.render(dialect), expected, label)
        }
    }

    func testDecodingToleratesOddRows() {
        XCTAssertEqual(RelationTypeQuery.decode([]), nil)
        XCTAssertEqual(RelationTypeQuery.decode([[nil]]), nil)
        XCTAssertEqual(RelationTypeQuery.decode([["other"]]), nil)
        XCTAssertEqual(RelationTypeQuery.decode([["materialized_view"]]), .materializedView)
        XCTAssertEqual(
            ListColumnsQuery.decode([["a", "integer"], [nil, "text"], ["b"], ["c", nil]]),
            [RelationColumn(name: "a", dataType: "integer"), RelationColumn(name: "b", dataType: ""), RelationColumn(name: "c", dataType: "")])
        XCTAssertEqual(
            ListDependentViewsQuery.decode([
                ["s", "v", "view", "1", "create view s.v as select 1"], ["s", "w", "view", "x", "create"], ["s"],
                [nil, "s.m", "materialized_view", "2", "create"],
            ]),
            [
                DependentView(schema: "s", name: "v", type: .view, depth: 1, createStatement: "create view s.v as select 1"),
                DependentView(schema: nil, name: "s.m", type: .materializedView, depth: 2, createStatement: "create"),
            ])
    }

    func testCapabilitiesFollowTheKind() {
        let postgres = SQLDialect.postgres
        let sqlite = SQLDialect.sqlite
        XCTAssertEqual(
            [postgres.supportsMerge, postgres.supportsViewRename, postgres.supportsComments, postgres.supportsGrants,
             postgres.supportsAdvisoryLocks, postgres.supportsUnloggedTables, postgres.supportsIndexMethods],
            [true, true, true, true, true, true, true])
        XCTAssertEqual(
            [sqlite.supportsMerge, sqlite.supportsViewRename, sqlite.supportsComments, sqlite.supportsGrants,
             sqlite.supportsAdvisoryLocks, sqlite.supportsUnloggedTables, sqlite.supportsIndexMethods],
            [false, false, false, false, false, false, false])
        XCTAssertEqual(postgres.nullSafeEqualityOperator, "is not distinct from")
        XCTAssertEqual(sqlite.nullSafeEqualityOperator, "is")
        XCTAssertEqual(TransactionStatement.begin.render(sqlite), ["begin immediate"])
        XCTAssertTrue(postgres.keepsIdentifier(String(repeating: "é", count: 31)))
        XCTAssertFalse(postgres.keepsIdentifier(String(repeating: "é", count: 32)))
        XCTAssertTrue(sqlite.keepsIdentifier(String(repeating: "x", count: 500)))
    }
}
