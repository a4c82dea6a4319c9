import XCTest

/// `on-run-start` / `on-run-end`: run before and after the nodes, `results` visible at the end, a
/// failing start hook skips every node.
final class ProjectHookTests: XCTestCase {
    let hooks = """
        name: proj
        profile: proj
        on-run-start:
          - "{% if target.type == 'postgres' %}create schema if not exists {{ target.schema }}{% endif %}"
          - "create table if not exists {{ target.schema }}.hook_log (phase varchar(20), name varchar(50), status varchar(20))"
          - "insert into {{ target.schema }}.hook_log values ('start', '{{ invocation_id[:0] }}', 'started')"
        on-run-end:
          - "{% for r in results %}insert into {{ target.schema }}.hook_log values ('end', '{{ r.node.name }}', '{{ r.status }}');{% endfor %}"
          - "insert into {{ target.schema }}.hook_log values ('end', 'schemas', '{{ schemas | length }}')"

        """

    func testHooksRunAroundTheNodesAndSeeResults() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("dfx_project.yml", hooks)
            // The model reads the row the start hook wrote: hooks ran first.
            try project.write("models/seen.sql", "{{ config(materialized='table') }}\nselect count(*) as n from {{ target.schema }}.hook_log where phase = 'start'\n")
            try project.write("models/broken.sql", "select * from no_such_table_here\n")
            let result = project.dfx("run")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("Running 3 on-run-start hooks"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("OK ran hook proj-on-run-end-1"), "\(backend): \(result.output)")
            XCTAssertEqual(try project.rows("select n from {seen}"), [["1"]], "\(backend)")
            // The hooks wrote `schema.hook_log` as SQL sees it (SQLite: table hook_log of database main).
            let log = backend == .sqlite ? "hook_log" : "\"\(project.schema)\".hook_log"
            XCTAssertEqual(
                try project.rows("select name, status from \(log) where phase = 'end' order by name"),
                [["broken", "error"], ["schemas", "1"], ["seen", "success"]], "\(backend)")
            let statuses = try project.statuses()
            XCTAssertEqual(statuses["operation.proj.proj-on-run-start-1"], "success", "\(backend)")
            XCTAssertEqual(statuses["operation.proj.proj-on-run-end-0"], "success", "\(backend)")
        }
    }

    func testFailingStartHookSkipsEveryNode() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("dfx_project.yml", "name: proj\nprofile: proj\non-run-start: [\"select * from no_such_hook_table\", \"select 1\"]\n")
            try project.write("models/a.sql", "select 1 as x\n")
            let result = project.dfx("run")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("dfx_project.yml: hook proj-on-run-start-0: database error"), "\(backend): \(result.output)")
            let statuses = try project.statuses()
            XCTAssertEqual(statuses["operation.proj.proj-on-run-start-0"], "error", "\(backend)")
            XCTAssertEqual(statuses["operation.proj.proj-on-run-start-1"], "skipped", "\(backend)")
            XCTAssertEqual(statuses["model.proj.a"], "skipped", "\(backend)")
        }
    }
}
