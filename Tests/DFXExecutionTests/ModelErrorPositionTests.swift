import XCTest

/// A database error in a model's SQL points at the model file's line and column, on both warehouses
/// and for each materialization, through refs, loops and ephemeral CTEs.
final class ModelErrorPositionTests: XCTestCase {
    struct Case {
        let materialized: String
        /// The model file; the error is the misspelled column `amont`.
        let body: String
        let line: Int
        let column: Int
    }

    let cases: [Case] = [
        Case(
            materialized: "table",
            body: "{{ config(materialized='table') }}\nselect\n    id,\n    amont as amount\nfrom {{ ref('raw_orders') }}\n",
            line: 4, column: 5),
        Case(
            materialized: "view",
            body: "{{ config(materialized='view') }}\n{% set cols = ['id', 'customer'] %}\nselect\n{% for c in cols %}    {{ c }},\n{% endfor %}    1 + amont as amount\nfrom {{ ref('stg_orders') }}\n",
            line: 5, column: 21),
        Case(
            materialized: "incremental",
            body: "{{ config(materialized='incremental', unique_key='id') }}\n\nselect id, customer,\n  amont as amount from {{ ref('stg_orders') }}\n",
            line: 4, column: 3),
    ]

    func testDatabaseErrorsPointAtTheModelFile() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/raw_orders.csv", "id,customer,amount\n1,a,10\n")
            try project.write("models/stg_orders.sql", "{{ config(materialized='ephemeral') }}\nselect id, customer, amount from {{ ref('raw_orders') }}\n")
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            for example in cases {
                let name = "bad_" + example.materialized
                try project.write("models/\(name).sql", example.body)
                let result = project.dfx("run", "--select", name)
                XCTAssertEqual(result.status, 1, "\(backend) \(name): \(result.output)")
                let expected = "models/\(name).sql:\(example.line):\(example.column): error: database error"
                XCTAssertTrue(result.output.contains(expected), "\(backend) \(name): expected \(expected) in\n\(result.output)")
                XCTAssertTrue(result.output.contains("amont"), "\(backend) \(name): \(result.output)")
                XCTAssertTrue(result.output.contains("of the compiled SQL"), "\(backend) \(name): \(result.output)")
                try project.remove("models/\(name).sql")
            }
        }
    }

    func testErrorOutsideTheModelSQLKeepsTheStatementPosition() throws {
        // A failing post-hook is dfx-run SQL, not the model's: no model position is invented.
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("models/hooked.sql", "{{ config(materialized='table', post_hook='select nosuchcolumn from {{ this }}') }}\nselect 1 as x\n")
            let result = project.dfx("run")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("models/hooked.sql: database error"), "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("of the statement"), "\(backend): \(result.output)")
        }
    }
}
