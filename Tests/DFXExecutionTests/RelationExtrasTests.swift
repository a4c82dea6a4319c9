import XCTest

/// grants, persist_docs and indexes survive every rebuild.
final class RelationExtrasTests: XCTestCase {
    func testGrantsCommentsAndIndexesAreApplied() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write(
                "models/documented.sql",
                "{{ config(materialized='table', grants={'select': ['public']}, indexes=[{'columns': ['id'], 'unique': True}],"
                    + " persist_docs={'relation': True, 'columns': True}) }}\nselect 1 as id, 'x' as name\n")
            try project.write(
                "models/schema.yml",
                "version: 2\nmodels:\n  - name: documented\n    description: The documented table\n    columns:\n      - name: id\n        description: Identifier\n")
            for attempt in 1...2 {
                let result = project.dfx("run")
                XCTAssertEqual(result.status, 0, "\(backend) run \(attempt): \(result.output)")
                switch backend {
                case .sqlite:
                    XCTAssertEqual(
                        try project.rows("select name from sqlite_master where type = 'index' and tbl_name = 'main.documented'"),
                        [["main.documented__id_idx"]])
                case .postgres:
                    let oid = "'{documented}'::regclass"
                    XCTAssertEqual(try project.rows("select obj_description(\(oid), 'pg_class')"), [["The documented table"]])
                    XCTAssertEqual(try project.rows("select col_description(\(oid), 1)"), [["Identifier"]])
                    XCTAssertEqual(try project.rows("select indexdef like '%UNIQUE%' from pg_indexes where indexname = 'documented__id_idx' and schemaname = '\(project.schema)'"), [["true"]])
                    let acl = try project.rows("select relacl::text from pg_class where oid = \(oid)").first?.first ?? nil
                    XCTAssertTrue(acl?.contains("=r/") == true, "public select grant: \(acl ?? "nil")")
                }
            }
        }
    }

    func testHooksRunAroundTheBuildWithThis() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write(
                "models/hooked.sql",
                "{{ config(materialized='table', pre_hook='select 1', post_hook=['update {{ this }} set x = x + 1', {'sql': 'update {{ this }} set x = x * 10'}]) }}\n"
                    + "select 1 as x\n")
            let result = project.dfx("run")
            XCTAssertEqual(result.status, 0, "\(backend): \(result.output)")
            XCTAssertEqual(try project.rows("select x from {hooked}"), [["20"]], "\(backend)")
            try project.write("models/hooked.sql", "{{ config(materialized='table', post_hook='update no_such_relation set x = 1') }}\nselect 5 as x\n")
            let failed = project.dfx("run")
            XCTAssertEqual(failed.status, 1, "\(backend): \(failed.output)")
            XCTAssertTrue(failed.output.contains("no_such_relation"), "\(backend): \(failed.output)")
        }
    }
}
