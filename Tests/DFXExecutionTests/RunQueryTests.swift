import Foundation
import XCTest

/// Templates that query the warehouse: `run_query`, `{% call statement %}` + `load_result`,
/// `adapter.get_columns_in_relation`, in models at run and compile time and in `dfx run-operation`.
final class RunQueryTests: XCTestCase {
    let macros = """
        {% macro make_numbers(n) %}
          {% call statement('create') %}
            create table {{ source('gen', 'numbers') }} (n integer, label varchar(10))
          {% endcall %}
          {% for i in range(1, n + 1) %}
            {% do run_query("insert into " ~ source('gen', 'numbers') ~ " values (" ~ i ~ ", 'n" ~ i ~ "')") %}
          {% endfor %}
          {% do log("made " ~ n, info=true) %}
        {% endmacro %}
        """

    func testRunOperationAndQueriesInModels() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("macros/numbers.sql", macros)
            try project.write(
                "models/sources.yml",
                "sources:\n  - name: gen\n    schema: \"{{ target.schema }}\"\n    tables: [{name: numbers}]\n")
            if backend == .postgres { try project.execute("create schema if not exists \"\(project.schema)\"") }
            let operation = project.dfx("run-operation", "make_numbers", "--args", "{n: 4}")
            XCTAssertEqual(operation.status, 0, "\(backend): \(operation.output)")
            XCTAssertEqual(try project.rows("select count(*), sum(n) from {numbers}"), [["4", "10"]], "\(backend)")
            try project.write(
                "models/counted.sql",
                """
                {{ config(materialized='table') }}
                {% set result = run_query("select n, label from " ~ source('gen', 'numbers') ~ " order by n") %}
                {% set columns = adapter.get_columns_in_relation(source('gen', 'numbers')) %}
                {% if execute %}
                select {{ result | length }} as row_count,
                       {{ result.columns[0].values() | sum }} as total,
                       '{{ result.rows[1]['label'] }}' as second_label,
                       '{{ result.columns['label'].values() | join('-') }}' as labels,
                       '{{ columns | map(attribute='name') | join(',') }}' as column_names,
                       {% for row in result %}{{ row[0] }}{% if not loop.last %} + {% endif %}{% endfor %} as summed
                {% else %}
                select 0 as row_count
                {% endif %}
                """)
            let run = project.dfx("run")
            XCTAssertEqual(run.status, 0, "\(backend): \(run.output)")
            XCTAssertEqual(
                try project.rows("select row_count, total, second_label, labels, column_names, summed from {counted}"),
                [["4", "10", "n2", "n1-n2-n3-n4", "n,label", "10"]], "\(backend)")
            // dfx compile connects only because a template queries; the value is in the compiled SQL.
            let compile = project.dfx("compile", "--select", "counted")
            XCTAssertEqual(compile.status, 0, "\(backend): \(compile.output)")
            let compiled = try String(contentsOfFile: project.root + "/target/compiled/proj/models/counted.sql", encoding: .utf8)
            XCTAssertTrue(compiled.contains("'n1-n2-n3-n4' as labels"), "\(backend): \(compiled)")
        }
    }

    func testRunOperationErrors() throws {
        let project = try RunProject(.sqlite)
        try project.write("macros/numbers.sql", macros)
        let unknown = project.dfx("run-operation", "make_number")
        XCTAssertEqual(unknown.status, 1, unknown.output)
        XCTAssertTrue(unknown.output.contains("no macro named 'make_number'"), unknown.output)
        XCTAssertTrue(unknown.output.contains("make_numbers"), "did you mean: \(unknown.output)")
        try project.write("macros/bad.sql", "{% macro bad() %}{% do run_query('select * from no_such_table_q') %}{% endmacro %}")
        let failing = project.dfx("run-operation", "bad")
        XCTAssertEqual(failing.status, 1, failing.output)
        XCTAssertTrue(failing.output.contains("macros/bad.sql:1:24: error: the warehouse refused a query"), failing.output)
        XCTAssertTrue(failing.output.contains("(built in)"), failing.output)
        XCTAssertTrue(failing.output.contains("no_such_table_q"), failing.output)
        let badArgs = project.dfx("run-operation", "make_numbers", "--args", "[1, 2]")
        XCTAssertEqual(badArgs.status, 2, badArgs.output)
    }
}
