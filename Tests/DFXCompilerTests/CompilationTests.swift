import DFXBasics
import DFXCompiler
import Foundation
import XCTest

/// Rendering: ephemeral inlining, schema naming, the template context, and compile-time errors.
final class CompilationTests: XCTestCase {
    func testNestedEphemeralsAreInlinedOnceInDependencyOrder() throws {
        let harness = try CompilerHarness([
            "dbt_project.yml": "name: shop\nmodels:\n  shop:\n    eph:\n      +materialized: ephemeral\n",
            "models/base.sql": "select 1 as id",
            "models/eph/e2.sql": "select id from {{ ref('base') }}",
            "models/eph/e1.sql": "select id from {{ ref('e2') }}",
            "models/plain.sql": "select * from {{ ref('e1') }} join {{ ref('e2') }} using (id)",
            "models/with_own.sql": "-- leading comment\nWITH local as (select * from {{ ref('e1') }})\nselect * from local",
        ])
        let (manifest, compiled) = try harness.compile()
        let plain = try XCTUnwrap(compiled["model.shop.plain"])
        XCTAssertEqual(
            squashed(plain),
            squashed("""
                with __dbt__cte__e2 as (
                select id from "warehouse"."analytics"."base"
                ), __dbt__cte__e1 as (
                select id from __dbt__cte__e2
                )
                select * from __dbt__cte__e1 join __dbt__cte__e2 using (id)
                """))
        let withOwn = try XCTUnwrap(compiled["model.shop.with_own"])
        XCTAssertEqual(
            squashed(withOwn),
            squashed("""
                -- leading comment
                WITH __dbt__cte__e2 as (
                select id from "warehouse"."analytics"."base"
                ), __dbt__cte__e1 as (
                select id from __dbt__cte__e2
                ), local as (select * from __dbt__cte__e1)
                select * from local
                """))
        XCTAssertEqual(withOwn.components(separatedBy: "__dbt__cte__e2 as").count, 2, "each CTE once")
        XCTAssertTrue(manifest.node("model.shop.e1")?.isEphemeral ?? false)
    }

    func testDefaultAndOverriddenSchemaNames() throws {
        let files = [
            "dbt_project.yml": "name: shop\nmodels:\n  shop:\n    marts:\n      +schema: marts\n",
            "models/marts/m.sql": "select 1",
            "models/n.sql": "select 1",
            "models/s.sql": "{{ config(schema='  ') }}select 1",
        ]
        let defaults = try CompilerHarness(files).parse()
        XCTAssertEqual(defaults.node("model.shop.m")?.schema, "analytics_marts")
        XCTAssertEqual(defaults.node("model.shop.n")?.schema, "analytics")
        XCTAssertEqual(defaults.node("model.shop.s")?.schema, "analytics")
        XCTAssertEqual(defaults.node("model.shop.m")?.database, "warehouse")

        var overridden = files
        overridden["macros/naming.sql"] = """
            {% macro generate_schema_name(custom_schema_name, node) -%}
                {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
            {%- endmacro %}
            """
        let manifest = try CompilerHarness(overridden).parse()
        XCTAssertEqual(manifest.node("model.shop.m")?.schema, "marts")
        XCTAssertEqual(manifest.node("model.shop.n")?.schema, "analytics")
    }

    /// Naming macros that read `node` are called for every node; a macro that depends only on the
    /// custom name is called once per name, and a name it fails on is reported at every node using it.
    func testNamingMacrosPerNodeAndPerCustomName() throws {
        let files = [
            "dbt_project.yml": "name: shop\nmodels:\n  shop:\n    marts:\n      +schema: marts\n",
            "models/marts/m.sql": "select 1",
            "models/marts/k.sql": "select 1",
            "models/n.sql": "select 1",
            "macros/naming.sql": """
                {% macro generate_schema_name(custom_schema_name, node) -%}
                    {{ custom_schema_name or target.schema }}_{{ node.name }}
                {%- endmacro %}
                {% macro generate_alias_name(custom_alias_name, node) -%}
                    {{ node.fqn | join('_') }}
                {%- endmacro %}
                """,
        ]
        let manifest = try CompilerHarness(files).parse()
        XCTAssertEqual(manifest.node("model.shop.m")?.schema, "marts_m")
        XCTAssertEqual(manifest.node("model.shop.k")?.schema, "marts_k")
        XCTAssertEqual(manifest.node("model.shop.n")?.schema, "analytics_n")
        XCTAssertEqual(manifest.node("model.shop.k")?.alias, "shop_marts_k")

        var failing = files
        failing["macros/naming.sql"] = """
            {% macro generate_schema_name(custom_schema_name, node) -%}
                {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name.no_such.field }}{%- endif -%}
            {%- endmacro %}
            """
        let errors = try CompilerHarness(failing).parseErrors()
        XCTAssertEqual(errors.count, 2, errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors.compactMap(\.location?.file), ["macros/naming.sql", "macros/naming.sql"])
        XCTAssertEqual(errors.map(\.message), errors.map { _ in errors[0].message })
        // Each node's call is reported, naming that node's file.
        let callers = errors.flatMap(\.notes).filter { $0.contains("called from") }.sorted()
        XCTAssertEqual(callers.count, 2)
        XCTAssertTrue(callers[0].hasSuffix("models/marts/k.sql:1:1"), callers[0])
        XCTAssertTrue(callers[1].hasSuffix("models/marts/m.sql:1:1"), callers[1])
    }

    func testTemplateContext() throws {
        let harness = try CompilerHarness([
            "models/ctx.sql": """
                select '{{ this }}' as this_relation, '{{ this.name }}' as this_name,
                  '{{ target.name }}' as target_name, '{{ target.schema }}' as target_schema, '{{ target.type }}' as target_type,
                  {{ adapter.quote('Mixed Case') }} as quoted, '{{ var('v', 'fallback') }}' as defaulted,
                  '{{ env_var('DFX_TEST_ENV', 'none') }}' as env
                """
        ])
        let (_, compiled) = try harness.compile(vars: [:], environment: ["DFX_TEST_ENV": "set"])
        let sql = try XCTUnwrap(compiled["model.shop.ctx"])
        let expectations = [
            "'\"warehouse\".\"analytics\".\"ctx\"' as this_relation", "'ctx' as this_name", "'dev' as target_name",
            "'analytics' as target_schema", "'postgres' as target_type", "\"Mixed Case\" as quoted",
            "'fallback' as defaulted", "'set' as env",
        ]
        for expected in expectations { XCTAssertTrue(sql.contains(expected), "\(expected) in \(sql)") }
    }

    func testMissingVarIsAnErrorWithHint() throws {
        let harness = try CompilerHarness(["models/m.sql": "select 1\nwhere x = {{ var('cutoff') }}"])
        let errors = harness.compileErrors()
        let error = try XCTUnwrap(errors.first)
        XCTAssertTrue(error.message.contains("cutoff"), error.message)
        XCTAssertEqual(error.location?.file, "models/m.sql")
        XCTAssertEqual(error.location?.line, 2)
        XCTAssertTrue(error.hint?.contains("--vars") ?? false, String(describing: error.hint))
        XCTAssertNoThrow(try harness.compile(vars: ["cutoff": .int(3)]))
    }

    func testRaiseCompilerErrorPointsAtTheCall() throws {
        let harness = try CompilerHarness([
            "models/m.sql": "select 1\n{% if true %}\n  {{ exceptions.raise_compiler_error('columns missing') }}\n{% endif %}"
        ])
        let error = try XCTUnwrap(harness.compileErrors().first)
        XCTAssertTrue(error.message.contains("columns missing"), error.message)
        XCTAssertEqual(error.location?.file, "models/m.sql")
        XCTAssertEqual(error.location?.line, 3)
    }

    func testUnknownRefIsLocatedWithSuggestion() throws {
        let harness = try CompilerHarness([
            "models/stg_orders.sql": "select 1",
            "models/m.sql": "select *\nfrom {{ ref('stg_order') }}",
        ])
        let error = try XCTUnwrap(harness.parseErrors().first)
        XCTAssertEqual(error.location, SourceLocation(file: "models/m.sql", line: 2, column: 9))
        XCTAssertTrue(error.description.contains("stg_order"), error.description)
        XCTAssertEqual(error.hint, "did you mean 'stg_orders'?")
        XCTAssertEqual(error.sourceLine, "from {{ ref('stg_order') }}")
    }

    func testUnknownSourceIsLocated() throws {
        let harness = try CompilerHarness([
            "models/sources.yml": "sources:\n  - name: raw\n    tables:\n      - name: orders\n",
            "models/m.sql": "select * from {{ source('raw', 'order') }}",
        ])
        let error = try XCTUnwrap(harness.parseErrors().first)
        XCTAssertEqual(error.location?.file, "models/m.sql")
        XCTAssertTrue(error.hint?.contains("orders") ?? false, String(describing: error.hint))
    }

    func testSourceDisabledFromTheProjectTree() throws {
        let harness = try CompilerHarness([
            "dbt_project.yml": "name: shop\nsources:\n  shop:\n    sub:\n      raw:\n        +enabled: false\n",
            "models/sub/sources.yml": "sources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n            tests: [unique]\n",
            "models/b.sql": "select * from {{ source('raw', 'orders') }}",
        ])
        let error = try XCTUnwrap(harness.parseErrors().first)
        XCTAssertEqual(error.location?.file, "models/b.sql")
        XCTAssertTrue(error.message.contains("disabled"), error.message)
        try harness.addFile("models/b.sql", "select 1")
        let manifest = try harness.parse()
        XCTAssertNil(manifest.node("source.shop.raw.orders"))
        XCTAssertTrue(manifest.disabled.contains { $0.uniqueID == "source.shop.raw.orders" })
        XCTAssertFalse(manifest.nodes.contains { $0.resourceType == .test }, "its tests are disabled with it")
    }

    func testDuplicateModelNamesNameBothFiles() throws {
        let harness = try CompilerHarness(["models/a/orders.sql": "select 1", "models/b/orders.sql": "select 2"])
        let error = try XCTUnwrap(harness.parseErrors().first)
        XCTAssertTrue(error.message.contains("models/a/orders.sql"), error.message)
        XCTAssertTrue(error.message.contains("models/b/orders.sql"), error.message)
    }

    func testCycleShowsTheWholeCycle() throws {
        let harness = try CompilerHarness([
            "models/a.sql": "select * from {{ ref('c') }}",
            "models/b.sql": "select * from {{ ref('a') }}",
            "models/c.sql": "select * from {{ ref('b') }}",
            "models/d.sql": "select * from {{ ref('a') }}",
        ])
        let text = harness.parseErrors().map(\.description).joined(separator: "\n")
        for name in ["model.shop.a", "model.shop.b", "model.shop.c"] where !text.contains(name) {
            XCTAssertTrue(text.contains(name.replacingOccurrences(of: "model.shop.", with: "models/") + ".sql"), "\(name) in \(text)")
        }
        XCTAssertTrue(text.lowercased().contains("cycle"), text)
        XCTAssertFalse(text.contains("models/d.sql"), "d is downstream, not in the cycle: \(text)")
    }

    func testTemplateSyntaxErrorIsLocated() throws {
        let harness = try CompilerHarness(["models/m.sql": "select 1\n{% if %}\n"])
        let error = try XCTUnwrap(harness.parseErrors().first)
        XCTAssertEqual(error.location?.file, "models/m.sql")
        XCTAssertEqual(error.location?.line, 2)
    }
}
