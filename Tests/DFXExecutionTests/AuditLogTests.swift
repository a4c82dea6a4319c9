import DFXExecution
import DFXSQL
import XCTest

/// The run audit log: every invocation and node outcome recorded in the warehouse, switchable
/// off, and never the cause of a failed run.
final class AuditLogTests: XCTestCase {
    /// A project whose audit log goes to `<schema>_meta` (`auditLog` nil) or is configured as given.
    func makeProject(_ backend: RunProject.Backend, auditLog: String? = nil) throws -> RunProject {
        let project = try RunProject(backend)
        let setting = auditLog ?? "{schema: \(project.schema)_meta}"
        try project.write("dfx_project.yml", "name: proj\nprofile: proj\naudit-log: \(setting)\n")
        try project.write("seeds/raw_orders.csv", "id,amount\n1,10\n2,20\n3,30\n")
        try project.write("models/orders.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('raw_orders') }}\n")
        try project.write("models/orders_view.sql", "select * from {{ ref('orders') }}\n")
        try project.write("models/broken.sql", "select * from {{ ref('orders') }} where nosuchcolumn > 0\n")
        return project
    }

    func testEveryInvocationAndNodeIsRecorded() throws {
        for backend in RunProject.Backend.allCases {
            let setup = try makeProject(backend)
            let schema = setup.schema + "_meta"
            XCTAssertEqual(setup.dfx("seed").status, 0, "\(backend)")
            XCTAssertEqual(setup.dfx("run").status, 1, "\(backend)")
            let log = AuditLog(schema: schema, dialect: backend == .sqlite ? .sqlite : .postgres)
            let table = { (relation: RelationName) in relation.rendered(backend == .sqlite ? SQLDialect.sqlite : SQLDialect.postgres) }
            XCTAssertEqual(
                try setup.rows("select command, status, nodes, errors from \(table(log.invocations)) order by started_at"),
                [["seed", "success", "1", "0"], ["run", "error", "3", "1"]], "\(backend)")
            let nodes = try setup.rows(
                "select unique_id, resource_type, status, rows_affected, row_count from \(table(log.nodeRuns)) order by started_at, unique_id")
            XCTAssertEqual(nodes.count, 4, "\(backend): \(nodes)")
            let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0[0] ?? "", Array($0.dropFirst())) })
            XCTAssertEqual(byID["seed.proj.raw_orders"], ["seed", "success", "3", "3"], "\(backend)")
            XCTAssertEqual(byID["model.proj.orders"], ["model", "success", "3", "3"], "\(backend)")
            XCTAssertEqual(byID["model.proj.orders_view"]?[1], "success", "\(backend)")
            XCTAssertEqual(byID["model.proj.broken"]?[1], "error", "\(backend)")
            // The API row-count drift checks read.
            let connection = setup.connection
            XCTAssertEqual(try log.lastRowCount(of: RelationName(schema: setup.schema, name: "orders").flatName, on: connection), 3, "\(backend)")
            XCTAssertNil(try log.lastRowCount(of: RelationName(schema: setup.schema, name: "broken").flatName, on: connection), "\(backend)")
            // --no-audit-log records nothing.
            XCTAssertEqual(setup.dfx("run", "--select", "orders", "--no-audit-log").status, 0, "\(backend)")
            XCTAssertEqual(try setup.rows("select count(*) from \(table(log.invocations))"), [["2"]], "\(backend)")
        }
    }

    func testSwitchedOffInTheProjectFile() throws {
        for backend in RunProject.Backend.allCases {
            let project = try makeProject(backend, auditLog: "false")
            try project.remove("models/broken.sql")
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            // The default log (dfx_meta) holds nothing of this project's schema (other tests may
            // have created the table on the shared PostgreSQL database; this SQLite file is new).
            let dialect: SQLDialect = backend == .sqlite ? .sqlite : .postgres
            let runs = AuditLog(schema: "dfx_meta", dialect: dialect).nodeRuns
            let exists = backend == .sqlite
                ? try project.rows("select name from sqlite_master where name = 'dfx_meta.dfx_node_runs'").count == 1
                : try project.rows("select to_regclass('dfx_meta.dfx_node_runs') is not null") == [["t"]]
            let tables = exists
                ? try project.rows("select 1 from \(runs.rendered(dialect)) where relation_name like '\(project.schema).%'") : []
            XCTAssertEqual(tables.count, 0, "\(backend)")
        }
    }

    func testAnUnwritableLogIsAWarningNotAFailure() throws {
        for backend in RunProject.Backend.allCases {
            let setup = try makeProject(backend)
            let schema = setup.schema + "_meta"
            try setup.remove("models/broken.sql")
            // A view where the log table should be: inserts into it fail.
            let log = AuditLog(schema: schema, dialect: backend == .sqlite ? .sqlite : .postgres)
            let dialect: SQLDialect = backend == .sqlite ? .sqlite : .postgres
            if backend == .postgres { try setup.execute("create schema \(dialect.quoteIdentifier(schema))") }
            try setup.execute("create view \(log.nodeRuns.rendered(dialect)) as select 1 as invocation_id")
            XCTAssertEqual(setup.dfx("seed", "--no-audit-log").status, 0, "\(backend)")
            let result = setup.dfx("run")
            XCTAssertEqual(result.status, 0, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("could not write the run audit log"), "\(backend): \(result.output)")
        }
    }
}
