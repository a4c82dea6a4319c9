import XCTest

/// `dfx run` on both warehouses: views, tables, ephemeral models, atomic replacement, failures.
final class ModelRunTests: XCTestCase {
    func makeProject(_ backend: RunProject.Backend) throws -> RunProject {
        let project = try RunProject(backend)
        try project.write("seeds/raw_orders.csv", "id,customer,amount\n1,a,10\n2,b,20\n3,a,30\n")
        try project.write("models/stg_orders.sql", "{{ config(materialized='ephemeral') }}\nselect id, customer, amount from {{ ref('raw_orders') }}\n")
        try project.write("models/orders.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('stg_orders') }}\n")
        try project.write("models/customer_totals.sql", "select customer, sum(amount) as total from {{ ref('orders') }} group by customer\n")
        try project.write("models/independent.sql", "select 1 as x\n")
        let seeded = project.dfx("seed")
        XCTAssertEqual(seeded.status, 0, "\(backend): \(seeded.output)")
        return project
    }

    func testViewTableEphemeralRunTwice() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            for attempt in 1...2 {
                let result = project.dfx("run")
                XCTAssertEqual(result.status, 0, "\(backend) run \(attempt): \(result.output)")
                XCTAssertTrue(result.output.contains("Done. PASS=3 ERROR=0 SKIP=0 TOTAL=3"), "\(backend): \(result.output)")
                XCTAssertEqual(try project.count("orders"), 3, "\(backend)")
                XCTAssertEqual(try project.rows("select customer, total from {customer_totals} order by customer"), [["a", "40"], ["b", "20"]], "\(backend)")
            }
            let ephemeral = try project.relations(containing: "stg_orders")
            XCTAssertEqual(ephemeral.count, 0, "\(backend): an ephemeral model was built")
        }
    }

    func testDependentViewSurvivesTableRebuild() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            try project.write("models/orders.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('stg_orders') }} where id < 3\n")
            let result = project.dfx("run", "--select", "orders")
            XCTAssertEqual(result.status, 0, "\(backend): \(result.output)")
            XCTAssertEqual(try project.rows("select customer, total from {customer_totals} order by customer"), [["a", "10"], ["b", "20"]], "\(backend)")
        }
    }

    func testFailingModelKeepsOldRelationAndSkipsDescendants() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            try project.write("models/orders.sql", "{{ config(materialized='table') }}\nselect * from no_such_table_xyz\n")
            let result = project.dfx("run")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("ERROR table model"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("no_such_table_xyz"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("models/orders.sql"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("SKIP view model"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("Done. PASS=1 ERROR=1 SKIP=1 TOTAL=3"), "\(backend): \(result.output)")
            if backend == .postgres {
                XCTAssertTrue(result.output.contains("42P01"), "SQLSTATE shown: \(result.output)")
                XCTAssertTrue(result.output.contains("models/orders.sql:2:15: error: database error 42P01"), "position shown: \(result.output)")
                XCTAssertTrue(result.output.contains("   2 | select * from no_such_table_xyz\n     |               ^"), "caret: \(result.output)")
            }
            XCTAssertEqual(try project.count("orders"), 3, "\(backend): the old table stays readable")
            XCTAssertEqual(
                try project.statuses(),
                ["model.proj.orders": "error", "model.proj.customer_totals": "skipped", "model.proj.independent": "success"], "\(backend)")
            let leftovers = try project.relations(containing: "dfx_tmp")
            XCTAssertEqual(leftovers.count, 0, "\(backend): \(leftovers)")
        }
    }

    func testUnmanagedDependentViewFailsTheNode() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            try project.execute("create view {manual_view} as select id from {orders}")
            let result = project.dfx("run", "--select", "orders")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("manual_view"), "\(backend): \(result.output)")
            XCTAssertEqual(try project.count("orders"), 3, "\(backend)")
            XCTAssertEqual(try project.count("manual_view"), 3, "\(backend)")
        }
    }

    func testFailFastSkipsWhatHasNotStarted() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend)
            try project.write("models/orders.sql", "{{ config(materialized='table') }}\nselect * from no_such_table_xyz\n")
            try project.write("models/zzz_late.sql", "select 2 as y\n")
            let result = project.dfx("run", "--threads", "1", "--fail-fast")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            let statuses = try project.statuses()
            XCTAssertEqual(statuses["model.proj.orders"], "error", "\(backend)")
            XCTAssertEqual(statuses["model.proj.zzz_late"], "skipped", "\(backend): \(result.output)")
            XCTAssertEqual(statuses["model.proj.customer_totals"], "skipped", "\(backend)")
        }
    }

    func testStatementTimeoutCancelsASlowModel() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            let slow = backend == .postgres
                ? "select 1 as x from pg_sleep(5)"
                : "with recursive c(n) as (select 1 union all select n + 1 from c where n < 1000000000) select count(*) as x from c"
            try project.write("models/slow.sql", "{{ config(materialized='table', statement_timeout=200) }}\n" + slow + "\n")
            let clock = ContinuousClock()
            let start = clock.now
            let result = project.dfx("run")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("canceling statement due to statement timeout"), "\(backend): \(result.output)")
            XCTAssertLessThan(clock.now - start, .seconds(4), "\(backend)")
        }
    }

    func testRunWritesExecutedSQL() throws {
        let project = try makeProject(.sqlite)
        XCTAssertEqual(project.dfx("run", "--threads", "1").status, 0)
        let sql = try String(contentsOfFile: project.root + "/target/run/proj/models/orders.sql", encoding: .utf8)
        XCTAssertTrue(sql.contains("create table \"main.orders__dfx_tmp_"), sql)
        XCTAssertTrue(sql.contains("rename to \"main.orders\""), sql)
    }
}
