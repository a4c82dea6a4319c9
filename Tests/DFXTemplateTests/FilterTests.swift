import XCTest

@testable import DFXTemplate

final class FilterTests: XCTestCase {
    func testTextFilters() {
        check([
            Case("{{ x | default('d') }}|{{ '' | default('d', true) }}|{{ '' | d('d') }}|{{ none | default('d') }}", "d|d||None"),
            Case("{{ 'Ab' | lower }}{{ 'ab' | upper }}|{{ '  x ' | trim }}|{{ 'aXa' | replace('a', 'b') }}", "abAB|x|bXb"),
            Case("{{ 'hello world' | capitalize }}|{{ 'hello world' | title }}|{{ 'a<b>&' | e }}", "Hello world|Hello World|a&lt;b&gt;&amp;"),
            Case("{{ 'a\nb\n\nc' | indent(2) }}|{{ 'x\ny' | indent(2, true) }}", "a\n  b\n\n  c|  x\n  y"),
            Case("{{ 'one two three' | wordcount }}|{{ 'abc' | center(7) }}|", "3|  abc  |"),
            Case("{{ 'foo bar baz qux' | truncate(9, leeway=0) }}|{{ '<b>x</b>  y' | striptags }}", "foo...|x y"),
            Case("{{ '%s-%d' | format('a', 3) }}|{{ '{}+{x}' | format(1, x=2) }}", "a-3|1+2"),
            Case("{{ '%05.1f' | format(3.14159) }}|{{ '%-5s|' | format('ab') }}|{{ '%+d %x %o %5.2f%%' % (3, 255, 8, 2.5) }}|{{ '%.2s' % 'abc' }}",
                 "003.1|ab   ||+3 ff 10  2.50%|ab"),
            Case("{{ {'b': 1, 'a': [1, 'x<'], 'c': none} | tojson }}", "{\"a\": [1, \"x\\u003c\"], \"b\": 1, \"c\": null}"),
            Case("{{ 'x' | string }}{{ 1 | string }}|{{ '42' | int + 1 }}|{{ 'x' | int }}|{{ '1.5' | float }}|{{ 3.9 | int }}", "x1|43|0|1.5|3"),
            Case("{{ 2.5 | round }}|{{ 2.345 | round(2) }}|{{ 2.1 | round(method='ceil') }}|{{ -3 | abs }}", "2.0|2.35|3.0|3"),
        ])
    }

    func testSequenceFilters() {
        let people: Value = .list([
            .dict([("name", .string("bo")), ("age", .int(30))]),
            .dict([("name", .string("Al")), ("age", .int(20))]),
        ])
        let context: [String: Value] = ["people": people]
        check([
            Case("{{ [1, 2, 3] | join(', ') }}|{{ people | join(',', attribute='name') }}|{{ [3, 1] | length }}", "1, 2, 3|bo,Al|2", context),
            Case("{{ [3, 1, 2] | sort }}|{{ ['b', 'A', 'c'] | sort(reverse=true) }}|{{ people | sort(attribute='age') | map(attribute='name') | list }}",
                 "[1, 2, 3]|['c', 'b', 'A']|['Al', 'bo']", context),
            Case("{{ [1, 2, 3] | first }}{{ [1, 2, 3] | last }}|{{ 'abc' | list }}|{{ [1, 2, 1] | unique | list }}|{{ [1, 2] | reverse | list }}",
                 "13|['a', 'b', 'c']|[1, 2]|[2, 1]"),
            Case("{{ ['a', 'b'] | map('upper') | join }}|{{ [1, 2, 3, 4] | select('odd') | list }}|{{ [1, 2, 3] | reject('odd') | list }}",
                 "AB|[1, 3]|[2]"),
            Case("{{ people | selectattr('age', 'gt', 25) | map(attribute='name') | join }}|{{ people | rejectattr('age', 'gt', 25) | map(attribute='name') | join }}",
                 "bo|Al", context),
            Case("{{ [1, 2, 3, 4, 5] | batch(2) | list }}|{{ [1, 2, 3] | sum }}|{{ people | sum(attribute='age') }}", "[[1, 2], [3, 4], [5]]|6|50", context),
            Case("{{ [3, 1, 2] | min }}{{ [3, 1, 2] | max }}|{{ {'b': 2, 'a': 1} | dictsort }}|{{ {'a': 1} | items | list }}",
                 "13|[('a', 1), ('b', 2)]|[('a', 1)]"),
            Case("{{ [1, 2, 3, 4, 5] | slice(2) | list }}|{{ 'x' | safe }}", "[[1, 2, 3], [4, 5]]|x"),
            Case("{{ [{'n': 'a', 'g': 1}, {'n': 'b', 'g': 1}] | groupby('g') | map(attribute='list') | list }}",
                 "[[{'n': 'a', 'g': 1}, {'n': 'b', 'g': 1}]]"),
            Case("{{ ['bb', 'a'] | sort(attribute='missing') }}|{{ 15 | round(-1) }}|{{ 25 | round(-1) }}", "['bb', 'a']|20|20"),
            Case("{% for k, items in people | groupby('age') %}{{ k }}:{{ items | length }} {% endfor %}", "20:1 30:1 ", context),
        ])
    }

    func testMethods() {
        check([
            Case("{{ ' A b '.strip().lower() }}|{{ 'a,b,,c'.split(',') }}|{{ 'a b  c'.split() }}|{{ 'a.b.c'.rsplit('.', 1) }}",
                 "a b|['a', 'b', '', 'c']|['a', 'b', 'c']|['a.b', 'c']"),
            Case("{{ 'abc'.startswith('ab') }}{{ 'abc'.endswith(('x', 'c')) }}|{{ '{} {}'.format(1, 'x') }}|{{ '{0}{0}'.format('y') }}|{{ '{n}!'.format(n=3) }}",
                 "TrueTrue|1 x|yy|3!"),
            Case("{{ '-'.join(['a', 'b']) }}|{{ 'hello'.find('l') }}|{{ 'hello'.count('l') }}|{{ '12'.isdigit() }}|{{ 'AB'.isupper() }}|{{ 'ab'.replace('a', 'x') }}",
                 "a-b|2|2|True|True|xb"),
            Case("{% set xs = [1, 2, 3] %}{{ xs.pop() }}{{ xs }}{% do xs.insert(0, 9) %}{{ xs }}{% do xs.remove(9) %}{{ xs.index(2) }}{{ xs.count(1) }}",
                 "3[1, 2][9, 1, 2]11"),
            Case("{% set d = {'a': 1} %}{{ d.get('a') }}{{ d.get('z', 0) }}{{ d.get('z') }}|{{ d.keys() | list }}{{ d.values() | list }}|{{ d.pop('a') }}{{ d }}",
                 "10None|['a'][1]|1{}"),
            Case("{{ range(3) | list }}|{{ range(1, 7, 2) | list }}|{{ dict(a=1) }}|{{ zip([1, 2], ['a', 'b']) | list }}",
                 "[0, 1, 2]|[1, 3, 5]|{'a': 1}|[(1, 'a'), (2, 'b')]"),
        ])
    }
}

/// `str.format` over bytes for ASCII templates must behave exactly as the Character-based path.
final class StringFormatTests: XCTestCase {
    func testFormatEdgeCases() {
        let cases: [(String, String)] = [
            ("{{ '{{x}}'.format() }}", "{x}"),
            ("{{ 'a{}b{0}c{n}'.format(1, n=2) }}", "a1b1c2"),
            ("{{ '{:.2f}|{0}'.format(3.14159) }}", "3.14|3.14159"),
            ("{{ '}\\r\\nx'.format() }}", "}x"),
            ("{{ 'end{'.format() }}", "end{"),
            ("{{ 'é{}ü{}'.format(1, 'z') }}", "é1üz"),
            ("{{ 'plain text, no fields'.format(1) }}", "plain text, no fields"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(render(source), expected, source)
        }
        XCTAssertTrue(render("{{ '{abc'.format() }}").contains("single '{' encountered in format string"))
        XCTAssertTrue(render("{{ '{}{}'.format(1) }}").contains("replacement index 1 out of range"))
    }
}
