import DFXBasics
import DFXCompiler
import DFXProject
import XCTest

@testable import DFXCompiler

/// Reading `ref`/`source`/`config` calls statically and by a recording render, and config precedence.
final class ExtractionTests: XCTestCase {
    func testStaticAndRenderedExtraction() throws {
        let harness = try CompilerHarness([
            "dbt_project.yml": "name: shop\nvars:\n  upstream: base\n  enable_extra: true\n",
            "models/base.sql": "select 1 as id",
            "models/other.sql": "select 2 as id",
            "models/literal.sql": "{{ config(materialized='table') }}\nselect * from {{ ref('base') }} join {{ ref('shop', 'other') }} using (id)",
            "models/via_var.sql": "select * from {{ ref(var('upstream')) }}",
            "models/conditional.sql": """
                {% if var('enable_extra') %}{{ config(materialized='incremental', tags=['on']) }}{% endif %}
                {% if false %}{{ config(materialized='view', tags=['never']) }}{% endif %}
                select * from {{ ref('base') }}
                """,
            "models/in_loop.sql": "{% for name in ['base', 'other'] %}select * from {{ ref(name) }}{% if not loop.last %} union all {% endif %}{% endfor %}",
            // The same through a filter: rendered, not unrolled.
            "models/in_loop_rendered.sql": "{% for name in ['base', 'other'] | list %}select * from {{ ref(name) }}{% if not loop.last %} union all {% endif %}{% endfor %}",
            "models/with_source.sql": "select * from {{ source('raw', 'orders') }}",
            "models/sources.yml": "sources:\n  - name: raw\n    tables:\n      - name: orders\n",
        ])
        let manifest = try harness.parse()
        func node(_ name: String) throws -> Node { try XCTUnwrap(manifest.node("model.shop." + name), name) }
        let cases: [(name: String, parents: [String])] = [
            ("literal", ["model.shop.base", "model.shop.other"]),
            ("via_var", ["model.shop.base"]),
            ("conditional", ["model.shop.base"]),
            ("in_loop", ["model.shop.base", "model.shop.other"]),
            ("in_loop_rendered", ["model.shop.base", "model.shop.other"]),
            ("with_source", ["source.shop.raw.orders"]),
        ]
        for (name, parents) in cases {
            XCTAssertEqual(try node(name).dependsOnNodes, parents, name)
        }
        // The loop over a literal list is read without a render: each ref at the call, as a render records it.
        XCTAssertEqual(
            try node("in_loop").refs.map(\.location),
            Array(repeating: SourceLocation(file: "models/in_loop.sql", line: 1, column: 53), count: 2))
        XCTAssertEqual(
            try node("in_loop_rendered").refs.map(\.location),
            Array(repeating: SourceLocation(file: "models/in_loop_rendered.sql", line: 1, column: 53 + " | list".count), count: 2))
        XCTAssertEqual(try node("in_loop").refs.map(\.name), try node("in_loop_rendered").refs.map(\.name))
        XCTAssertEqual(try node("literal").refs.map(\.package), [nil, "shop"])
        XCTAssertEqual(try node("literal").config["materialized"], .string("table"))
        XCTAssertEqual(try node("literal").refs.first?.location, SourceLocation(file: "models/literal.sql", line: 2, column: 18))
        // config() inside {% if %}: only the branch that runs counts.
        XCTAssertEqual(try node("conditional").config["materialized"], .string("incremental"))
        XCTAssertEqual(try node("conditional").tags, ["on"])
    }

    /// A SQL node's fqn: the package, the folders under the resource folder, the file's stem.
    func testFQNFromThePath() {
        for path in ["m.sql", "staging/m.sql", "marts/finance/m.sql", "a//b/m.sql", "ünï/cödé/m.sql"] {
            let file = ProjectFile(path: "models/" + path, absolutePath: "/p/models/" + path, pathInResourceFolder: path, resourceFolder: "models", contents: "")
            XCTAssertEqual(ParseState.fqn(package: "shop", pathInResourceFolder: path, name: file.stem), ["shop"] + file.folders + [file.stem], path)
        }
    }

    func testRefInABranchThatDoesNotRunIsNoDependency() throws {
        let harness = try CompilerHarness([
            "models/prod_only.sql": "{{ config(enabled=false) }}\nselect 2 as id",
            "models/base.sql": "select 1 as id",
            "models/a.sql": """
                select * from {{ ref('base') }}
                {% if target.name == 'prod' %}union all select * from {{ ref('prod_only') }}{% endif %}
                """,
            "models/b.sql": "{% if execute %}select 1{% else %}select * from {{ ref('base') }}{% endif %}",
        ])
        let manifest = try harness.parse()
        XCTAssertEqual(manifest.node("model.shop.a")?.dependsOnNodes, ["model.shop.base"])
        XCTAssertEqual(manifest.node("model.shop.b")?.dependsOnNodes, ["model.shop.base"], "execute is false while parsing")
    }

    func testRefAndConfigInsideProjectMacrosAreSeen() throws {
        let harness = try CompilerHarness([
            "macros/helpers.sql": """
                {% macro from_base() %}{{ ref('base') }}{% endmacro %}
                {% macro make_table() %}{{ config(materialized='table') }}{% endmacro %}
                """,
            "models/base.sql": "select 1 as id",
            "models/user.sql": "{{ make_table() }}\nselect * from {{ from_base() }}",
        ])
        let (manifest, compiled) = try harness.compile()
        let user = try XCTUnwrap(manifest.node("model.shop.user"))
        XCTAssertEqual(user.dependsOnNodes, ["model.shop.base"])
        XCTAssertEqual(user.config["materialized"], .string("table"))
        XCTAssertEqual(user.dependsOnMacros, ["macro.shop.from_base", "macro.shop.make_table"])
        XCTAssertEqual(squashed(compiled["model.shop.user"] ?? ""), "select * from \"warehouse\".\"analytics\".\"base\"")
    }

    func testConfigPrecedence() throws {
        let harness = try CompilerHarness([
            "dbt_project.yml": """
            name: shop
            models:
              +materialized: view
              +tags: [project]
              +meta: {owner: project, tier: 1}
              +post-hook: "grant select on {{ this }} to reporting"
              shop:
                marts:
                  +schema: marts
                  +materialized: table
            """,
            "models/marts/m.sql": "{{ config(materialized='incremental', tags=['file'], meta={'owner': 'file'}, post_hook='analyze {{ this }}') }}\nselect 1",
            "models/marts/n.sql": "select 1",
            "models/marts/schema.yml": """
            models:
              - name: m
                config:
                  materialized: ephemeral
                  tags: [yaml]
                  meta: {tier: 2, yaml: true}
                  alias: m_alias
              - name: n
                config:
                  materialized: ephemeral
                  schema: yaml_schema
            """,
        ])
        let manifest = try harness.parse()
        let m = try XCTUnwrap(manifest.node("model.shop.m"))
        XCTAssertEqual(m.config["materialized"], .string("incremental"), "config() in the file wins")
        XCTAssertEqual(m.tags, ["project", "yaml", "file"], "tags append in precedence order")
        XCTAssertEqual(m.meta, ["owner": .string("file"), "tier": .int(2), "yaml": .bool(true)], "meta merges key by key")
        XCTAssertEqual(m.config["post-hook"]?.stringList?.count, 2, "hooks append: \(String(describing: m.config["post-hook"]))")
        XCTAssertEqual(m.alias, "m_alias")
        XCTAssertEqual(m.schema, "analytics_marts")
        let n = try XCTUnwrap(manifest.node("model.shop.n"))
        XCTAssertEqual(n.config["materialized"], .string("ephemeral"), "properties YAML beats the project file")
        XCTAssertEqual(n.schema, "analytics_yaml_schema")
    }

    func testDisabledModels() throws {
        let harness = try CompilerHarness([
            "dbt_project.yml": "name: shop\nmodels:\n  shop:\n    legacy:\n      +enabled: false\n",
            "models/legacy/old.sql": "select 1",
            "models/switched_off.sql": "{{ config(enabled=false) }}\nselect 1",
            "models/on.sql": "select 1",
            "models/schema.yml": "models:\n  - name: switched_off\n    columns:\n      - name: id\n        tests: [unique]\n",
        ])
        let manifest = try harness.parse()
        XCTAssertEqual(Set(manifest.nodes.map(\.uniqueID)), ["model.shop.on"])
        XCTAssertTrue(Set(manifest.disabled.map(\.uniqueID)).isSuperset(of: ["model.shop.old", "model.shop.switched_off"]))
        XCTAssertTrue(manifest.disabled.contains { $0.resourceType == .test }, "tests of a disabled model are disabled too")

        // A templated `enabled` renders to text: "False" disables as in dbt.
        let templated = try CompilerHarness([
            "dbt_project.yml": "name: shop\nmodels:\n  shop:\n    legacy:\n      +enabled: \"{{ var('legacy_on', false) }}\"\n",
            "models/legacy/old.sql": "select 1",
            "models/on.sql": "select 1",
        ]).parse()
        XCTAssertEqual(templated.nodes.map(\.uniqueID), ["model.shop.on"])

        try harness.addFile("models/uses_off.sql", "select * from {{ ref('switched_off') }}")
        let errors = harness.parseErrors()
        XCTAssertTrue(errors.contains { $0.message.contains("disabled") }, "\(errors.map(\.description))")
    }
}
