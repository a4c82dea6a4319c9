import DFXSQL

/// Every statement kind, with the values the golden files and the execution tests share.
///
/// The cases are in an order that also works when executed one after the other on a fresh
/// database (the execution tests run them, some twice, and check the data between them), so
/// every golden statement is known to run. Raw SQL inside them (selects, predicates) refers to
/// relations through the same dialect.
struct StatementCatalog {
    struct Case {
        let name: String
        let statement: any SQLStatement
    }

    let schema: String
    let role: String
    let dialect: SQLDialect
    /// A relation name and a column name that need quoting and escaping.
    var oddName = "we\"ird o'name"
    var oddColumn = "a \"b\""

    static let columns = ["id", "region", "amount"]

    var orders: RelationName { RelationName(schema: schema, name: "orders") }
    var delta: RelationName { RelationName(schema: schema, name: "orders_delta") }
    var view: RelationName { RelationName(schema: schema, name: "orders_view") }
    var odd: RelationName { RelationName(schema: schema, name: oddName) }
    var prices: RelationName { RelationName(schema: schema, name: "prices") }
    var viewSelect: String { "select id, region, amount from \(orders.rendered(dialect)) where amount > 0" }

    var cases: [Case] {
        let key = ["id", "region"]
        let columns = Self.columns
        return [
            Case(name: "create_schema", statement: CreateSchemaStatement(schema: schema)),
            Case(
                name: "create_table_as",
                statement: CreateTableAsStatement(
                    relation: orders,
                    select: """
                        select 1 as id, 'eu' as region, 10 as amount
                        union all select 1, 'us', 11
                        union all select 2, null, 20
                        union all select 4, 'eu', 40
                        """)),
            Case(
                name: "create_table_as_unlogged",
                statement: CreateTableAsStatement(
                    relation: delta,
                    select: """
                        select 1 as id, 'eu' as region, 15 as amount
                        union all select 2, null, 25
                        union all select 3, 'us', 30
                        """,
                    unlogged: true)),
            Case(
                name: "create_table_as_odd_name",
                statement: CreateTableAsStatement(relation: odd, select: "select 'it''s' as \(dialect.quoteIdentifier(oddColumn))")),
            Case(
                name: "create_table",
                statement: CreateTableStatement(
                    relation: prices,
                    columns: [
                        RelationColumn(name: "id", dataType: "integer"), RelationColumn(name: "name", dataType: "text"),
                        RelationColumn(name: "price", dataType: "numeric(10,2)"),
                    ])),
            Case(
                name: "create_table_if_not_exists",
                statement: CreateTableStatement(
                    relation: prices, columns: [RelationColumn(name: "id", dataType: "integer")], ifNotExists: true)),
            Case(name: "insert_values", statement: InsertValuesStatement(relation: prices, columns: ["id", "name", "price"], rowCount: 2)),
            Case(name: "alter_column_type", statement: AlterColumnTypeStatement(relation: prices, column: "price", dataType: "numeric(12,4)")),
            Case(name: "create_view", statement: CreateViewStatement(relation: view, select: viewSelect)),
            Case(name: "relation_type", statement: RelationTypeQuery(relation: orders)),
            Case(name: "relation_type_odd_name", statement: RelationTypeQuery(relation: odd)),
            Case(name: "list_columns", statement: ListColumnsQuery(relation: orders)),
            Case(name: "list_dependent_views", statement: ListDependentViewsQuery(relation: orders)),
            Case(name: "has_dependent_views", statement: HasDependentViewsQuery(relation: orders)),
            Case(
                name: "test_result",
                statement: TestResultQuery(
                    select: "select id from \(orders.rendered(dialect)) where region is null -- a trailing comment",
                    warnIf: "> 5", errorIf: ">= 1", limit: 100)),
            Case(
                name: "freshness",
                statement: FreshnessQuery(
                    relation: orders, loadedAtField: dialect.kind == .postgres ? "timestamp '2024-01-01 00:00:00'" : "'2024-01-01 00:00:00'",
                    filter: "amount > 0")),
            Case(name: "row_count", statement: RowCountQuery(relation: orders)),
            Case(name: "sample_rows", statement: SampleRowsQuery(select: "select id, amount from \(orders.rendered(dialect))\n-- comment", limit: 5)),
            Case(name: "begin", statement: TransactionStatement.begin),
            Case(name: "advisory_lock", statement: AdvisoryLockStatement(relation: orders)),
            Case(name: "lock_relation", statement: LockRelationStatement(relation: orders)),
            Case(
                name: "insert_select",
                statement: InsertSelectStatement(
                    relation: orders, columns: columns, source: .query("select 5 as id, 'eu' as region, 50 as amount"))),
            Case(name: "rollback", statement: TransactionStatement.rollback),
            Case(
                name: "delete_insert",
                statement: DeleteInsertStatement(target: orders, source: .relation(delta), uniqueKey: key, columns: columns)),
            Case(
                name: "merge",
                statement: MergeStatement(
                    target: orders,
                    source: .query(
                        """
                        select 1 as id, 'us' as region, 111 as amount
                        union all select 2, null, 222
                        union all select 6, null, 60
                        """),
                    uniqueKey: key, columns: columns)),
            Case(
                name: "merge_with_predicates",
                statement: MergeStatement(
                    target: orders,
                    source: .query("select 4 as id, 'eu' as region, 44 as amount\nunion all select 1, 'us', 1"),
                    uniqueKey: key, columns: columns, incrementalPredicates: ["dbt_internal_dest.amount < 100"])),
            Case(
                name: "merge_single_key_insert_only",
                statement: MergeStatement(
                    target: orders,
                    source: .query("select 7 as id, 'eu' as region, 70 as amount\nunion all select 3, 'xx', 0"),
                    uniqueKey: ["id"], columns: columns, updateColumns: [])),
            Case(
                name: "delete_insert_with_predicates",
                statement: DeleteInsertStatement(
                    target: orders, source: .query("select 6 as id, null as region, 66 as amount"), uniqueKey: key,
                    columns: columns, incrementalPredicates: ["dbt_internal_dest.amount > 1000"])),
            Case(name: "add_column", statement: AddColumnStatement(relation: orders, column: "note", dataType: "text")),
            Case(
                name: "comment_on_table",
                statement: CommentStatement(target: .relation(orders, .table), text: "One row per id and region; it's tested")),
            Case(name: "comment_on_column", statement: CommentStatement(target: .column(orders, "note"), text: "free text")),
            Case(name: "drop_column", statement: DropColumnStatement(relation: orders, column: "note")),
            Case(name: "grant_select", statement: GrantStatement(relation: orders, roles: [role, "public"])),
            Case(name: "list_grants", statement: ListGrantsQuery(relation: orders)),
            Case(name: "revoke_select", statement: RevokeStatement(relation: orders, roles: [role, "public"])),
            Case(
                name: "create_index",
                statement: CreateIndexStatement(
                    name: "orders_key_idx", relation: orders, columns: ["id", "region", "amount"], unique: true, method: "btree")),
            Case(name: "rename_table", statement: RenameRelationStatement(relation: delta, newName: "orders_delta_old", type: .table)),
            Case(
                name: "rename_view",
                statement: RenameRelationStatement(
                    relation: view, newName: "orders_view_renamed", type: .view, viewDefinition: viewSelect)),
            Case(name: "commit", statement: TransactionStatement.commit),
        ] + scd2Cases + [
            Case(name: "drop_view", statement: DropRelationStatement(relation: view.renamed("orders_view_renamed"), type: .view)),
            Case(name: "drop_table", statement: DropRelationStatement(relation: delta.renamed("orders_delta_old"), type: .table)),
        ]
    }

    // SCD type 2: a source, two history tables (timestamp strategy with invalidate on `id`;
    // check strategy with new_record on `(id, region)`), a stage and a changes table.
    var customers: RelationName { RelationName(schema: schema, name: "customers_src") }
    var customersHistory: RelationName { RelationName(schema: schema, name: "customers_history") }
    var regionsHistory: RelationName { RelationName(schema: schema, name: "regions_history") }
    var stage: RelationName { RelationName(schema: schema, name: "customers_stage") }
    var changes: RelationName { RelationName(schema: schema, name: "customers_changes") }
    static let scd2Columns = ["id", "region", "name", "updated_at"]

    func timestampSpec() -> SCD2Spec {
        SCD2Spec(
            target: customersHistory, uniqueKey: ["id"], strategy: .timestamp(updatedAt: "updated_at"), hardDeletes: .invalidate,
            executionTime: "2024-01-05 00:00:00")
    }

    func checkSpec(day: Int) -> SCD2Spec {
        SCD2Spec(
            target: regionsHistory, uniqueKey: ["id", "region"], strategy: .check(columns: .list(["name"]), updatedAt: nil),
            hardDeletes: .newRecord, executionTime: "2024-01-0\(day + 3) 00:00:00")
    }

    var scd2Cases: [Case] {
        let columns = Self.scd2Columns
        return [
            Case(
                name: "scd2_stage",
                statement: SCD2StageStatement(stage: stage, select: "select * from \(customers.rendered(dialect)) where id > 0")),
            Case(name: "scd2_key_check", statement: SCD2KeyCheckQuery(stage: stage, uniqueKey: ["id", "region"])),
            Case(name: "scd2_create_timestamp", statement: SCD2CreateStatement(spec: timestampSpec(), source: .relation(stage))),
            Case(name: "scd2_create_check_new_record", statement: SCD2CreateStatement(spec: checkSpec(day: 1), source: .query("select * from \(customers.rendered(dialect))"))),
            Case(
                name: "scd2_changes_timestamp",
                statement: SCD2ChangesStatement(spec: timestampSpec(), stage: stage, changes: changes, columns: columns)),
            Case(name: "scd2_reopen_timestamp", statement: SCD2ReopenStatement(spec: timestampSpec(), changes: changes)),
            Case(name: "scd2_close_timestamp", statement: SCD2CloseStatement(spec: timestampSpec(), changes: changes)),
            Case(name: "scd2_insert_timestamp", statement: SCD2InsertStatement(spec: timestampSpec(), changes: changes, columns: columns)),
            Case(
                name: "scd2_changes_check_new_record",
                statement: SCD2ChangesStatement(
                    spec: checkSpec(day: 2), stage: stage, changes: changes, columns: columns, checkColumns: ["name"])),
            Case(name: "scd2_close_check_new_record", statement: SCD2CloseStatement(spec: checkSpec(day: 2), changes: changes)),
            Case(
                name: "scd2_insert_check_new_record",
                statement: SCD2InsertStatement(spec: checkSpec(day: 2), changes: changes, columns: columns)),
        ]
    }

    func statement(_ name: String) -> (any SQLStatement)? {
        cases.first { $0.name == name }?.statement
    }
}
