import XCTest

@testable import DFXTemplate

final class StatementTests: XCTestCase {
    func testIfAndFor() {
        let context: [String: Value] = ["xs": .list([.string("a"), .string("b"), .string("c")])]
        check([
            Case("{% if 0 %}a{% elif 1 %}b{% else %}c{% endif %}", "b"),
            Case("{% for x in xs %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}", "a,b,c", context),
            Case("{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.length }}{{ loop.first }} {% endfor %}",
                 "1033True 2123False 3213False ", context),
            Case("{% for x in [] %}x{% else %}empty{% endfor %}", "empty"),
            Case("{% for x in xs if x != 'b' %}{{ x }}{{ loop.length }}{% endfor %}", "a2c2", context),
            Case("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"),
            Case("{% for x in xs %}{{ loop.cycle('odd', 'even') }} {% endfor %}", "odd even odd ", context),
            Case("{% for x in xs %}{{ loop.previtem | default('') }}>{{ x }} {% endfor %}", ">a a>b b>c ", context),
            Case("{% for a in [1,2] %}{% for b in [3,4] %}{{ a }}{{ b }}{{ loop.index }} {% endfor %}{{ loop.index }}|{% endfor %}", "131 142 1|231 242 2|"),
        ])
    }

    /// `loop.<field>` reads the running loop directly unless something in the body may rebind
    /// `loop` (Jinja2 rejects that at compile time; DFXTemplate lets the new binding win for the
    /// rest of the loop). Every lowering mode must agree.
    func testLoopFieldsWhenLoopIsRebound() {
        let cases: [(String, String)] = [
            ("{% for x in [1, 2] %}{{ loop.index }}{% set loop = {'index': 'i'} %}{{ loop.index }} {% endfor %}", "1i ii "),
            ("{% for x in [1, 2] %}{{ loop.last }}{% if x == 1 %}{% set loop = {'last': 'L'} %}{% endif %}{{ loop.last }} {% endfor %}", "FalseL LL "),
            ("{% for x in [1, 2] %}{% for y in [3] %}{% endfor %}{{ loop.index }}{% endfor %}", "12"),
        ]
        for lowering in [TemplateLowering.all, .macros, .none] {
            let environment = Environment(options: EnvironmentOptions(lowering: lowering))
            for (source, expected) in cases {
                XCTAssertEqual(render(source, environment: environment), expected, "\(source) [lowering: \(lowering)]")
            }
        }
    }

    /// `for k, v in d.items()` binds a dict's keys and values in place on the node path (no list of
    /// pairs); `loop` fields, `previtem`/`nextitem`, `else`, changes to the dict inside the loop
    /// (not seen: the pairs are taken when the loop starts) and non-dict bases must match the enum
    /// path in every lowering mode.
    func testItemsLoopsMatchInEveryLoweringMode() {
        let context: [String: Value] = [
            "d": .dict([("a", .int(1)), ("b", .int(2)), ("c", .int(3))]), "xs": .list([.int(1)]),
        ]
        let cases: [(String, String)] = [
            ("{% for k, v in d.items() %}{{ loop.previtem | default('-') }}{{ k }}{{ v }}{{ loop.nextitem | default('-') }}{{ loop.length }}{% if not loop.last %},{% endif %}{% endfor %}",
             "-a1('b', 2)3,('a', 1)b2('c', 3)3,('b', 2)c3-3"),
            ("{% for k, v in d.items() %}{{ k }}{{ v }}{% endfor %}", "a1b2c3"),
            ("{% for k, v in {}.items() %}x{% else %}empty{% endfor %}", "empty"),
            ("{% set e = {'a': 1} %}{% for k, v in e.items() %}{% do e.update({'z': 9}) %}{{ k }}{{ v }}{% endfor %}{{ e | length }}", "a12"),
            ("{% for i in [1, 2] %}{% set outer = loop %}{% for k, v in d.items() %}{% if outer.last and loop.last %}{{ i }}{{ k }}{{ v }}{% endif %}{% endfor %}{% endfor %}", "2c3"),
            ("{% for k, k in d.items() %}{{ k }}{% endfor %}", "123"),
            ("{% for k, v in xs.items() %}{{ k }}{% endfor %}", "ERROR: t.sql:1:16: error: 'xs.items' is undefined and cannot be called"),
        ]
        for lowering in [TemplateLowering.all, .macros, .none] {
            let environment = Environment(options: EnvironmentOptions(lowering: lowering))
            for (source, expected) in cases {
                let output = render(source, context, environment: environment)
                XCTAssertEqual(output.components(separatedBy: "\n").first, expected, "\(source) [lowering: \(lowering)]")
            }
        }
    }

    func testSetScoping() {
        check([
            Case("{% set x = 1 %}{% for i in [1,2] %}{% set x = i %}{% endfor %}{{ x }}", "1"),
            Case("{% set ns = namespace(x=1) %}{% for i in [1,2] %}{% set ns.x = i %}{% endfor %}{{ ns.x }}", "2"),
            Case("{% set a, b = 1, 2 %}{{ a }}{{ b }}", "12"),
            Case("{% set x %}hello {{ 1 + 1 }}{% endset %}[{{ x }}]", "[hello 2]"),
            Case("{% set x | upper %}abc{% endset %}{{ x }}", "ABC"),
            Case("{% if 1 %}{% set y = 5 %}{% endif %}{{ y }}", "5"),
            Case("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{{ a is defined }}", "3False"),
            Case("{% set xs = [] %}{% set ys = xs %}{% do ys.append(1) %}{% do xs.extend([2, 3]) %}{{ xs }}{{ ys }}", "[1, 2, 3][1, 2, 3]"),
            Case("{% set d = {} %}{% do d.update({'a': 1}) %}{% set _ = d.setdefault('b', 2) %}{{ d }}", "{'a': 1, 'b': 2}"),
            Case("{% filter upper %}abc{{ 'd' }}{% endfilter %}", "ABCD"),
        ])
    }

    func testWhitespaceControl() {
        check([
            Case("a  {%- if 1 -%}  b  {%- endif -%}  c", "abc"),
            Case("a\n{{- 'b' -}}\nc", "abc"),
            Case("a {#- comment -#} b", "ab"),
            Case("a {# comment #} b", "a  b"),
            Case("line\n", "line"),
            Case("line\n\n", "line\n"),
            Case("{% raw %}{{ not parsed }}{% endraw %}", "{{ not parsed }}"),
            Case("a {%- raw -%} {{ x }} {%- endraw -%} b", "a{{ x }}b"),
            Case("{% if true %}\nx\n{% endif %}\n", "\nx\n"),
            Case("x\r\ny\r\n", "x\ny"),
        ])
    }

    func testMacros() {
        check([
            Case("{% macro m(a, b=2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(1) }} {{ m(1, 3) }} {{ m(b=4, a=0) }}", "1-2 1-3 0-4"),
            Case("{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, k=3) }}", "(1, 2){'k': 3}"),
            Case("{% macro m() %}{% do return([1, 2]) %}ignored{% endmacro %}{{ m()[1] }}", "2"),
            Case("{% macro m(x) %}{{ return(x * 2) }}{% endmacro %}{% set r = m(21) %}{{ r + 0 }}", "42"),
            Case("{% macro w() %}<{{ caller() }}>{% endmacro %}{% call w() %}inner{% endcall %}", "<inner>"),
            Case("{% macro w(xs) %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(v) w([1, 2]) %}[{{ v }}]{% endcall %}", "[1][2]"),
            Case("{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}B{% endmacro %}{{ a() }}", "B"),
            Case("{% set y = 'outer' %}{% macro m() %}{{ y }}{% endmacro %}{{ m() }}", "outer"),
            Case("{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}", "321"),
            Case("{% macro m(a, b=a ~ '!') %}{{ b }}{% endmacro %}{{ m('hi') }}", "hi!"),
            Case("{% test not_null(model, column_name) %}select {{ column_name }}{% endtest %}{{ test_not_null('m', 'id') }}", "select id"),
        ])
    }

    /// Macro calls whose arguments bind straight into the callee's frame (node path) and those that
    /// go through argument arrays (errors, `caller`, the enum path) give the same text and errors.
    func testMacroArgumentBindingMatchesInEveryLoweringMode() {
        let macros = "{% macro m(a, b=2) %}{{ a }}{{ b }}{% endmacro %}{% macro n(caller) %}[{{ caller }}]{% endmacro %}"
        let cases: [(String, String?)] = [
            ("{{ m(1) }}{{ m(1, 3) }}{{ m(b=5, a=4) }}{{ m(1, b=7) }}{{ m(a=[1][0] + 1) }}", "12134517 22"),
            ("{{ m(1, 2, 3) }}", nil),
            ("{{ m(1, a=2) }}", nil),
            ("{{ m(c=1) }}", nil),
            ("{{ m(undefined_name.x) }}", nil),
            ("{{ n(caller='x') }}", "[x]"),
        ]
        for (call, expected) in cases {
            let source = macros + call
            let reference = render(source, environment: Environment(options: EnvironmentOptions(lowering: .none)))
            if let expected {
                XCTAssertEqual(reference, expected.replacingOccurrences(of: " ", with: ""), source)
            } else {
                XCTAssertTrue(reference.hasPrefix("ERROR: "), "\(source) gave \(reference)")
            }
            for lowering in [TemplateLowering.all, .macros] {
                let output = render(source, environment: Environment(options: EnvironmentOptions(lowering: lowering)))
                XCTAssertEqual(output, reference, "\(source) [lowering: \(lowering)]")
            }
        }
    }

    func testDbtBlocks() {
        let environment = Environment()
        let source = "{% snapshot snap %}select {{ 1 + 1 }}{% endsnapshot %}\n{% docs about %}Some *markdown*{% enddocs %}"
        guard let template = try? environment.compile(source, path: "snapshots/s.sql") else { return XCTFail("compile failed") }
        XCTAssertEqual(template.blocks.map(\.name), ["snap", "about"])
        XCTAssertEqual(template.blocks.map(\.kind), [.snapshot, .docs])
        XCTAssertEqual(template.blocks[1].rawText, "Some *markdown*")
        XCTAssertEqual(template.blocks[0].location.description, "snapshots/s.sql:1:13")
        guard let body = template.blocks[0].body else { return XCTFail("snapshot body missing") }
        XCTAssertEqual(try environment.render(body, context: [:]), "select 2")
        XCTAssertEqual(try environment.render(template, context: [:]), "\n")
    }
}
