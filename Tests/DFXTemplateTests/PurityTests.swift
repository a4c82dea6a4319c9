import DFXBasics
import XCTest

@testable import DFXTemplate

/// `Environment.dependsOnlyOnArguments`: which macros a host may call once per distinct argument list.
final class PurityTests: XCTestCase {
    func testMacrosThatDependOnlyOnTheirArguments() throws {
        let cases: [(String, Bool)] = [
            // dbt's default generate_schema_name, as projects copy it.
            (
                """
                {% macro m(custom_schema_name, node) -%}
                    {%- set default_schema = target.schema -%}
                    {%- if custom_schema_name is none -%}{{ default_schema }}
                    {%- else -%}{{ default_schema }}_{{ custom_schema_name | trim }}{%- endif -%}
                {%- endmacro %}
                """, true
            ),
            ("{% macro m(a, node) %}{% for x in [1, 2] %}{{ a ~ x ~ loop.index }}{% endfor %}{% endmacro %}", true),
            ("{% macro m(a, node) %}{{ a if a else 'x' }}{% endmacro %}", true),
            // Reads the ignored parameter.
            ("{% macro m(a, node) %}{{ a }}_{{ node.name }}{% endmacro %}", false),
            ("{% macro m(a, node) %}{% set x = node %}{{ a }}{% endmacro %}", false),
            ("{% macro m(a, node=none) %}{{ a }}{% endmacro %}{% macro n() %}{% endmacro %}", true),
            // Calls something: a function, a method, another macro, return().
            ("{% macro m(a, node) %}{{ log(a) }}{% endmacro %}", false),
            ("{% macro m(a, node) %}{{ a.upper() }}{% endmacro %}", false),
            ("{% macro m(a, node) %}{% do return(a) %}{% endmacro %}", false),
            ("{% macro m(a, node) %}{% set ns = namespace(x=1) %}{{ a }}{% endmacro %}", false),
            // Defines a macro, or reads extra arguments that would hold the ignored one.
            ("{% macro m(a, node) %}{% macro inner() %}{% endmacro %}{{ a }}{% endmacro %}", false),
            ("{% macro m(a) %}{{ a }}{{ varargs }}{% endmacro %}", false),
        ]
        for (source, expected) in cases {
            let environment = Environment()
            let template = try environment.compile(source, path: "macros/m.sql")
            try environment.addMacros(from: template, namespace: nil)
            let macro = try XCTUnwrap(environment.macro(named: "m", namespace: nil))
            XCTAssertEqual(
                environment.dependsOnlyOnArguments(macro, ignoring: ["node", "varargs", "kwargs"]), expected, source)
        }
        let native = Value.function(NativeFunction("f") { _ in .none })
        XCTAssertFalse(Environment().dependsOnlyOnArguments(native, ignoring: []))
    }
}
