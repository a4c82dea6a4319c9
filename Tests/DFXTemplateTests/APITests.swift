import DFXBasics
import Foundation
import XCTest

@testable import DFXTemplate

/// A host object like dbt's `this`.
struct Relation: TemplateObject {
    var schema: String
    var name: String
    func attribute(_ name: String) -> Value? {
        switch name {
        case "schema": return .string(schema)
        case "name", "identifier": return .string(self.name)
        default: return nil
        }
    }
    var renderedString: String { "\"\(schema)\".\"\(name)\"" }
}

final class APITests: XCTestCase {
    func refFunction() -> NativeFunction {
        NativeFunction("ref") { arguments in
            guard let name = arguments.value(at: 0, named: "name")?.asString else {
                throw TemplateRuntimeError("ref() needs a model name", hint: "write ref('model_name')")
            }
            return .object(Relation(schema: "analytics", name: name))
        }
    }

    func testNativeFunctionsAndObjects() {
        let environment = Environment()
        environment.addGlobal("ref", .function(refFunction()))
        let context: [String: Value] = ["this": .object(Relation(schema: "s", name: "t"))]
        check([
            Case("select * from {{ ref('orders') }} -- {{ this }} {{ this.schema }}.{{ this.name }}",
                 "select * from \"analytics\".\"orders\" -- \"s\".\"t\" s.t", context),
            Case("{{ ref('a').identifier | upper }}", "A"),
            Case("{{ ref(1) }}", "ERROR: t.sql:1:4: error: ref() needs a model name\n 1 | {{ ref(1) }}\n   |    ^~~~~~\n  hint: write ref('model_name')"),
        ], environment: environment)
    }

    /// A lazy context value is built when a render (or a macro it calls) first reads it, once per
    /// render, shadows globals as the plain context does, and is never built when not read.
    func testLazyContextValuesAreBuiltOnFirstReadOnly() throws {
        final class Counter: @unchecked Sendable { var builds = 0 }
        let environment = Environment()
        environment.addGlobal("model", .string("global"))
        let macros = try environment.compile("{% macro name_of() %}{{ model.name }}{% endmacro %}", path: "macros/m.sql")
        try environment.addMacros(from: macros, namespace: nil)
        let counter = Counter()
        func lazyModel() -> [String: LazyValue] {
            ["model": LazyValue { counter.builds += 1; return .dict([("name", .string("orders"))]) }]
        }
        let reads = try environment.compile("{{ model.name }} {{ name_of() }} {% do model.update({'name': 'x'}) %}{{ model.name }}", path: "m.sql")
        XCTAssertEqual(try environment.render(reads, context: [:], lazyContext: lazyModel()), "orders orders x")
        XCTAssertEqual(counter.builds, 1)
        let ignores = try environment.compile("select {{ 1 + 1 }}", path: "n.sql")
        XCTAssertEqual(try environment.render(ignores, context: [:], lazyContext: lazyModel()), "select 2")
        XCTAssertEqual(counter.builds, 1)
        let plainFirst = try environment.compile("{{ model }}", path: "p.sql")
        XCTAssertEqual(try environment.render(plainFirst, context: ["model": .string("plain")], lazyContext: lazyModel()), "plain")
        XCTAssertEqual(counter.builds, 1)
        let misspelt = try Environment().compile("{{ orders_modle }}", path: "q.sql")
        XCTAssertThrowsError(try Environment().render(misspelt, context: [:], lazyContext: ["orders_model": LazyValue { .none }])) { error in
            XCTAssertTrue("\(error)".contains("'orders_model'"), "\(error)")
        }
    }

    func testMacrosAcrossFilesAndNamespaces() throws {
        let environment = Environment()
        let utils = try environment.compile(
            "{% macro star(rel) %}{{ helper(rel) }}{% endmacro %}{% macro helper(rel) %}* from {{ rel }}{% endmacro %}",
            path: "dbt_utils/macros/star.sql")
        try environment.addMacros(from: utils, namespace: "dbt_utils")
        let own = try environment.compile(
            "{% macro cents(col, scale=2) %}({{ col }} / 100)::numeric(16, {{ scale }}){% endmacro %}{% macro uses_ref() %}{{ ref('x') }}{% endmacro %}",
            path: "macros/cents.sql")
        try environment.addMacros(from: own, namespace: "proj")
        XCTAssertNotNil(environment.macro(named: "star", namespace: "dbt_utils"))
        XCTAssertNil(environment.macro(named: "star", namespace: "proj"))
        XCTAssertNotNil(environment.macro(named: "cents", namespace: nil))
        let context: [String: Value] = ["ref": .function(refFunction())]
        check([
            Case("select {{ dbt_utils.star('t') }}|{{ star('u') }}", "select * from t|* from u"),
            Case("{{ cents('amount') }}|{{ proj.cents('a', scale=4) }}", "(amount / 100)::numeric(16, 2)|(a / 100)::numeric(16, 4)"),
            Case("{{ uses_ref() }}", "\"analytics\".\"x\"", context),
        ], environment: environment)
        // The host calls a macro directly.
        let macro = try XCTUnwrap(environment.macro(named: "cents", namespace: "proj"))
        let location = SourceLocation(file: "models/m.sql", line: 1, column: 1)
        let result = try environment.call(macro, arguments: Arguments(positional: [.string("x")], location: location), context: [:])
        XCTAssertEqual(result.asString, "(x / 100)::numeric(16, 2)")
    }

    func testReturnValuesFromHostCalls() throws {
        let environment = Environment()
        let template = try environment.compile(
            "{% macro get_cols() %}{{ return(['a', 'b']) }}{% endmacro %}", path: "macros/cols.sql")
        try environment.addMacros(from: template, namespace: nil)
        let macro = try XCTUnwrap(environment.macro(named: "get_cols", namespace: nil))
        let value = try environment.call(
            macro, arguments: Arguments(location: SourceLocation(file: "x", line: 1, column: 1)), context: [:])
        XCTAssertEqual(value.asList?.compactMap(\.asString), ["a", "b"])
        XCTAssertEqual(render("{% for c in get_cols() %}{{ c }}{% endfor %}", environment: environment), "ab")
    }

    func testStaticCalls() throws {
        let source = """
            {{ config(materialized='table', tags=['a']) }}
            {% set x = ref('b') %}
            {% if flag %}select * from {{ ref('a') }}{% else %}{{ source('raw', 'orders') }}{% endif %}
            {% for m in ['c'] %}{{ ref(m) }}{% endfor %}
            {% for m in cols %}{{ ref(m) }}{% endfor %}
            {% macro inner() %}{{ ref('d', v=2) }}{% endmacro %}
            {{ wrap(ref('e')) }}
            """
        let template = try Environment().compile(source, path: "models/m.sql")
        let report = template.staticCalls(to: ["ref", "source", "config"])
        XCTAssertEqual(report.calls.map(\.name), ["config", "ref", "ref", "source", "ref", "ref", "ref", "ref"])
        // A loop over a literal list is read as its calls; over anything else, its argument is unknown.
        XCTAssertEqual(report.calls.map { $0.arguments.map { $0?.renderedString() ?? "?" } }, [
            [], ["b"], ["a"], ["raw", "orders"], ["c"], ["?"], ["d"], ["e"],
        ])
        XCTAssertEqual(report.calls[0].keywordArguments.map(\.0), ["materialized", "tags"])
        XCTAssertEqual(report.calls[0].keywordArguments[1].1?.renderedString(), "['a']")
        XCTAssertEqual(report.calls[1].location.description, "models/m.sql:2:12")
        XCTAssertTrue(report.hasNonLiteralCalls)
        let literalOnly = try Environment().compile("{{ ref('a') }} {{ ref('b', 'c') }}", path: "m.sql")
        XCTAssertFalse(literalOnly.staticCalls(to: ["ref"]).hasNonLiteralCalls)
    }

    func testUndefinedBehaviors() {
        let lenient = Environment(options: EnvironmentOptions(undefinedBehavior: .lenient))
        let semi = Environment(options: EnvironmentOptions(undefinedBehavior: .semiStrict))
        let strict = Environment(options: EnvironmentOptions(undefinedBehavior: .strict))
        check([Case("[{{ x }}]{% for i in x %}{% endfor %}{% if x %}y{% endif %}", "[]")], environment: lenient)
        check([
            Case("{% if x %}y{% endif %}{{ x is defined }}{{ x | default('d') }}{{ not x }}", "FalsedTrue"),
            Case("{% for i in x %}{% endfor %}", "ERROR: t.sql:1:13: error: 'x' is undefined\n 1 | {% for i in x %}{% endfor %}\n   |             ^"),
            Case("{{ x }}", "ERROR: t.sql:1:4: error: 'x' is undefined\n 1 | {{ x }}\n   |    ^"),
        ], environment: semi)
        check([
            Case("{{ x is defined }}{{ x | default('d') }}", "Falsed"),
            Case("{% if x %}{% endif %}", "ERROR: t.sql:1:7: error: 'x' is undefined\n 1 | {% if x %}{% endif %}\n   |       ^"),
        ], environment: strict)
        check([Case("{{ x.y }}", "ERROR: t.sql:1:4: error: 'x' is undefined\n 1 | {{ x.y }}\n   |    ^")], environment: lenient)
    }

    func testConcurrentRendering() throws {
        let environment = Environment()
        environment.addGlobal("ref", .function(refFunction()))
        let macros = try environment.compile(
            "{% macro cols(xs) %}{% for x in xs %}{{ x }}{% if not loop.last %}, {% endif %}{% endfor %}{% endmacro %}",
            path: "macros/c.sql")
        try environment.addMacros(from: macros, namespace: nil)
        let template = try environment.compile(
            "{% set xs = ['a', 'b', n] %}{% do xs.append('z') %}select {{ cols(xs) }} from {{ ref('t' ~ n) }}", path: "m.sql")
        let failures = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let output = try? environment.render(template, context: ["n": .int(index)])
            if output != "select a, b, \(index), z from \"analytics\".\"t\(index)\"" { failures.increment() }
        }
        XCTAssertEqual(failures.value, 0)
    }

    func testParserLimitsDoNotCrash() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        XCTAssertTrue(render("{{ \(deep) }}").contains("nesting is too deep"))
        let chain = "{{ " + Array(repeating: "1", count: 5000).joined(separator: " + ") + " }}"
        XCTAssertTrue(render(chain).contains("nesting is too deep"))
        let blocks = String(repeating: "{% if 1 %}", count: 3000) + String(repeating: "{% endif %}", count: 3000)
        XCTAssertTrue(render(blocks).contains("nesting is too deep"))
        XCTAssertEqual(render("{% set xs = [1] %}{% do xs.append(xs) %}{{ xs }}"), "[1, [...]]")
        XCTAssertEqual(render("{% set a = [] %}{% do a.append(a) %}{% do a.append(a) %}{{ a }} {{ a == a }}"), "[[...], [...]] True")
        XCTAssertTrue(render("{% set a = [] %}{% do a.append(a) %}{{ a | tojson }}").contains("nested too deeply"))
        XCTAssertTrue(render("{{ 'ab' * 9223372036854775807 }}").contains("too large"))
        XCTAssertEqual(render("[{{ '' * 9223372036854775807 }}]{{ [] * 9223372036854775807 }}"), "[][]")
        XCTAssertEqual(render("{{ 'abc'[::9223372036854775807] }}|{{ [1, 2][-9223372036854775807::-9223372036854775807] }}"), "a|[]")
        XCTAssertTrue(render("{{ range(10000000000) }}").contains("too large"))
        let unlimited = Environment(options: EnvironmentOptions(maxDepth: 1_000_000))
        XCTAssertTrue(render("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", environment: unlimited).contains("KB of stack"))
        for garbage in ["{{", "{%", "{#", "{{ 'a", "{% if %}", "{% for %}", "{% macro %}", "{{ a[ }}", "{{ a.| }}", "{% set = 1 %}",
                        "{% call %}", "{{ (1, }}", "{% raw %}", "{{ 1 if }}", "{{ x | }}", "{{ x is }}", "{%- -%}", "{{ **x }}"] {
            XCTAssertTrue(render(garbage).hasPrefix("ERROR"), garbage)
        }
    }
}

/// A thread-safe counter for the concurrency test.
final class ConcurrentCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// The quick pre-check hosts run before compiling descriptions and YAML strings as templates.
final class TemplateSyntaxTests: XCTestCase {
    func testOpenersAreFoundAnywhereAndNothingElseCounts() {
        let tagged = ["{{ x }}", "a {% if b %}", "{{", "{%", "x{{", "é{{ doc('d') }}", "{{{", "{ {%"]
        let plain = ["", "{", "}", "{ {", "{#", "%{", "a { b } c", "{x}{y}", "ünïcödé { }"]
        for text in tagged { XCTAssertTrue(TemplateSyntax.hasTags(text), text) }
        for text in plain { XCTAssertFalse(TemplateSyntax.hasTags(text), text) }
        XCTAssertTrue(TemplateSyntax.hasExpressions("host={{ env_var('H') }}"))
        XCTAssertFalse(TemplateSyntax.hasExpressions("{% if x %}"))
    }
}
