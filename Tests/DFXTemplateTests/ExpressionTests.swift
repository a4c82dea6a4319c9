import XCTest

@testable import DFXTemplate

final class ExpressionTests: XCTestCase {
    func testLiteralsAndPrinting() {
        check([
            Case("{{ 1 }}|{{ -2 }}|{{ 1.0 }}|{{ 0.1 }}|{{ 1e20 }}|{{ 1.5e-7 }}", "1|-2|1.0|0.1|1e+20|1.5e-07"),
            Case("{{ none }}|{{ None }}|{{ true }}|{{ False }}", "None|None|True|False"),
            Case("{{ 'a\\'b' }}|{{ \"x\\ty\" }}|{{ 'a' 'b' }}", "a'b|x\ty|ab"),
            Case("{{ ['a', 1, none, true] }}", "['a', 1, None, True]"),
            Case("{{ {'a': 1, 'b': [2]} }}", "{'a': 1, 'b': [2]}"),
            Case("{{ (1, 2) }}|{{ (1,) }}|{{ () }}", "(1, 2)|(1,)|()"),
            Case("{{ \"it's\" ~ ['it\\'s'] }}", "it's[\"it's\"]"),
            Case("{{ 1000000000000000.0 }}|{{ 1e16 }}|{{ 0.0001 }}|{{ 0.00001 }}", "1000000000000000.0|1e+16|0.0001|1e-05"),
        ])
    }

    func testArithmetic() {
        check([
            Case("{{ 7 // 2 }}|{{ -7 // 2 }}|{{ 7 % -3 }}|{{ -7 % 3 }}|{{ 7 / 2 }}|{{ 4 / 2 }}", "3|-4|-2|2|3.5|2.0"),
            Case("{{ 2 ** 10 }}|{{ 2 ** -1 }}|{{ 1 + 2 * 3 }}|{{ (1 + 2) * 3 }}", "1024|0.5|7|9"),
            Case("{{ 'ab' * 3 }}|{{ [1] + [2] }}|{{ 'a' ~ 1 ~ none }}", "ababab|[1, 2]|a1None"),
            Case("{{ 1.5 + 1 }}|{{ -7.5 // 2 }}|{{ 7.5 % 2 }}", "2.5|-4.0|1.5"),
            Case("{{ 0 }}|{{ -5 }}|{{ 10 }}|{{ 9223372036854775807 }}|{{ -9223372036854775807 - 1 }}",
                 "0|-5|10|9223372036854775807|-9223372036854775808"),
            Case("{{ 9223372036854775807 + 1 }}", "ERROR: t.sql:1:4: error: integer overflow\n 1 | {{ 9223372036854775807 + 1 }}\n   |    ^~~~~~~~~~~~~~~~~~~~~~~\n  hint: dfx integers are 64-bit; Python's are unbounded"),
        ])
    }

    /// `~` chains build their text in a scratch buffer shared by the render, used as a stack: nested
    /// chains (in filters, macro arguments and bodies) must not disturb the chain around them, on
    /// the node path and on the parser's tree alike (expected outputs from jinja2 3.1).
    func testNestedConcatChains() {
        let cases = [
            Case("{{ 'a' ~ ('b' ~ 'c' ~ 'd') | upper ~ 'e' ~ ('f' ~ ('g' ~ 'h')) }}", "aBCDefgh"),
            Case("{% macro m(x) %}<{{ x ~ '!' }}>{% endmacro %}{{ 'p' ~ m('q' ~ 'r') ~ 's' }}", "p<qr!>s"),
            Case(
                "{% set xs = [] %}{% for i in range(3) %}{% do xs.append('c' ~ i ~ '_' ~ loop.index) %}{% endfor %}{{ xs | join(',') }}",
                "c0_1,c1_2,c2_3"),
            Case(
                "{{ 'long prefix that is not small ' ~ 12345 ~ ' and ' ~ 1.5 ~ ' ' ~ none ~ ' ' ~ true }}",
                "long prefix that is not small 12345 and 1.5 None True"),
        ]
        for lowering in [TemplateLowering.all, .none] {
            check(cases, environment: Environment(options: EnvironmentOptions(lowering: lowering)))
        }
    }

    func testLogicAndComparison() {
        check([
            Case("{{ 1 < 2 < 3 }}|{{ 1 < 2 > 3 }}|{{ 'a' in 'cat' }}|{{ 2 not in [1, 2] }}", "True|False|True|False"),
            Case("{{ 0 or 'x' }}|{{ 1 and 2 }}|{{ not [] }}|{{ none or none }}", "x|2|True|None"),
            Case("{{ 'y' if 1 else 'n' }}|{{ 'y' if 0 else 'n' }}|[{{ 'y' if 0 }}]", "y|n|[]"),
            Case("{{ 1 == 1.0 }}|{{ [1, 2] == [1, 2] }}|{{ {'a': 1} == {'a': 1} }}|{{ 'a' != 'b' }}", "True|True|True|True"),
        ])
    }

    func testAccessAndSlices() {
        let context: [String: Value] = [
            "d": .dict([("a", .int(1)), ("b", .list([.int(1), .int(2), .int(3)]))]),
            "s": .string("hello"),
        ]
        check([
            Case("{{ d.a }}|{{ d['a'] }}|{{ d.b[1] }}|{{ d.b.0 }}|{{ d.b[-1] }}", "1|1|2|1|3", context),
            Case("{{ d.b[1:] }}|{{ d.b[::-1] }}|{{ s[1:3] }}|{{ s[::2] }}|{{ s[-1] }}", "[2, 3]|[3, 2, 1]|el|hlo|o", context),
            Case("{{ d.missing is defined }}|{{ d['x'] is undefined }}", "False|True", context),
        ])
    }

    func testTests() {
        check([
            Case("{{ 3 is odd }}|{{ 4 is even }}|{{ 9 is divisibleby 3 }}|{{ 9 is divisibleby(2) }}", "True|True|True|False"),
            Case("{{ x is defined }}|{{ x is not defined }}|{{ none is none }}|{{ 'a' is string }}", "False|True|True|True"),
            Case("{{ 1 is number }}|{{ 1.0 is float }}|{{ 1 is integer }}|{{ {} is mapping }}|{{ [] is iterable }}", "True|True|True|True|True"),
            Case("{{ 'abc' is lower }}|{{ 'ABC' is upper }}|{{ 1 is eq 1 }}|{{ 2 is gt 1 }}|{{ 1 is in [1] }}", "True|True|True|True|True"),
            Case("{{ true is sameas true }}|{{ false is boolean }}|{{ true is true }}|{{ 0 is false }}", "True|True|True|False"),
        ])
    }
}
