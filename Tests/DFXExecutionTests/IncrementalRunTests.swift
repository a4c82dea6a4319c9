import XCTest

/// Incremental models over two runs with known rows, every strategy, both warehouses.
final class IncrementalRunTests: XCTestCase {
    func testStrategiesOverTwoRuns() throws {
        let model = { (config: String) in
            "{{ config(materialized='incremental'\(config)) }}\nselect id, value, "
                + "{% if is_incremental() %}'inc'{% else %}'full'{% endif %} as how\nfrom {{ ref('events') }}\n"
                + "{% if is_incremental() %}where id >= (select max(id) from {{ this }}){% endif %}\n"
        }
        // strategy model → expected rows after the second run.
        let cases: [(String, String, [[String?]])] = [
            ("inc_append", "", [["1", "a", "full"], ["2", "B", "inc"], ["2", "b", "full"], ["3", "c", "inc"]]),
            ("inc_delete", ", incremental_strategy='delete+insert', unique_key=['id']", [["1", "a", "full"], ["2", "B", "inc"], ["3", "c", "inc"]]),
            ("inc_merge", ", unique_key='id'", [["1", "a", "full"], ["2", "B", "inc"], ["3", "c", "inc"]]),
        ]
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/events.csv", "id,value\n1,a\n2,b\n")
            for (name, config, _) in cases { try project.write("models/\(name).sql", model(config)) }
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            let first = project.dfx("run")
            XCTAssertEqual(first.status, 0, "\(backend): \(first.output)")
            try project.write("seeds/events.csv", "id,value\n2,B\n3,c\n")
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            let second = project.dfx("run")
            XCTAssertEqual(second.status, 0, "\(backend): \(second.output)")
            for (name, _, expected) in cases {
                XCTAssertEqual(try project.rows("select id, value, how from {\(name)} order by id, value"), expected, "\(backend) \(name)")
            }
            let refreshed = project.dfx("run", "--full-refresh", "--select", "inc_append")
            XCTAssertEqual(refreshed.status, 0, "\(backend): \(refreshed.output)")
            XCTAssertEqual(
                try project.rows("select id, value, how from {inc_append} order by id"), [["2", "B", "full"], ["3", "c", "full"]], "\(backend)")
        }
    }

    func testCompositeKeyPredicatesAndSyncAllColumns() throws {
        let config = "{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['a', 'b'],"
            + " incremental_predicates=['dbt_internal_dest.a <> 9'], on_schema_change='sync_all_columns') }}\n"
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/keys.csv", "a,b,v\n1,x,10\n9,y,20\n")
            try project.write("models/k.sql", config + "select a, b, v, 'old' as gone from {{ ref('keys') }}\n")
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            try project.write("seeds/keys.csv", "a,b,v\n1,x,11\n9,y,21\n")
            try project.write("models/k.sql", config + "select a, b, v from {{ ref('keys') }}\n")
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            let second = project.dfx("run")
            XCTAssertEqual(second.status, 0, "\(backend): \(second.output)")
            XCTAssertEqual(
                try project.rows("select * from {k} order by a, v"), [["1", "x", "11"], ["9", "y", "20"], ["9", "y", "21"]], "\(backend)")
        }
    }

    func testViewBecomesIncrementalTable() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("models/m.sql", "select 1 as id\n")
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            try project.write("models/m.sql", "{{ config(materialized='incremental') }}\nselect 2 as id\n")
            let first = project.dfx("run")
            XCTAssertEqual(first.status, 0, "\(backend): \(first.output)")
            XCTAssertTrue(first.output.contains("created incremental table"), "\(backend): \(first.output)")
            let second = project.dfx("run")
            XCTAssertEqual(second.status, 0, "\(backend): \(second.output)")
            XCTAssertEqual(try project.rows("select id from {m} order by id"), [["2"], ["2"]], "\(backend)")
        }
    }

    func testOnSchemaChangeFailAndAppend() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("models/grow.sql", "{{ config(materialized='incremental', on_schema_change='fail') }}\nselect 1 as id\n")
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            try project.write("models/grow.sql", "{{ config(materialized='incremental', on_schema_change='fail') }}\nselect 2 as id, 'x' as extra\n")
            let failed = project.dfx("run")
            XCTAssertEqual(failed.status, 1, "\(backend): \(failed.output)")
            XCTAssertTrue(failed.output.contains("new columns extra"), "\(backend): \(failed.output)")
            try project.write(
                "models/grow.sql", "{{ config(materialized='incremental', on_schema_change='append_new_columns') }}\nselect 2 as id, 'x' as extra\n")
            let grown = project.dfx("run")
            XCTAssertEqual(grown.status, 0, "\(backend): \(grown.output)")
            XCTAssertEqual(try project.rows("select id, extra from {grow} order by id"), [["1", nil], ["2", "x"]], "\(backend)")
        }
    }
}
