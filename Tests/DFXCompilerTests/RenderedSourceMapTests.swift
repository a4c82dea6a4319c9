import DFXCompiler
import XCTest

/// `RenderedSourceMap`: positions in rendered SQL back to the template, table-driven.
final class RenderedSourceMapTests: XCTestCase {
    struct Case {
        let template: String
        let rendered: String
        /// The rendered text whose first character is looked up.
        let at: String
        /// The template text expected at the mapped offset.
        let expected: String
    }

    let cases: [Case] = [
        Case(template: "select a, bogus from t", rendered: "select a, bogus from t", at: "bogus", expected: "bogus"),
        Case(
            template: "select id,\n  bogus\nfrom {{ ref('x') }}\nwhere 1", rendered: "select id,\n  bogus\nfrom \"s\".\"x\"\nwhere 1",
            at: "bogus", expected: "bogus"),
        Case(
            template: "select id\nfrom {{ ref('x') }}\nwhere 1", rendered: "select id\nfrom \"s\".\"x\"\nwhere 1",
            at: "\"s\"", expected: "{{ ref('x') }}"),
        Case(
            template: "{% for c in cols -%}\n{{ c }},\n{%- endfor %}\nlast_col", rendered: "a,b,\nlast_col",
            at: "b", expected: "{{ c }}"),
        Case(
            template: "{{ config(materialized='table') }}\nselect x\nfrom y",
            rendered: "with __dbt__cte__e as (\nselect x\nfrom z\n)\nselect x\nfrom y",
            at: "from y", expected: "from y"),
        Case(template: "{# note #}\nselect 1 / 0", rendered: "\nselect 1 / 0", at: "/ 0", expected: "/ 0"),
        Case(template: "select 'é', bad", rendered: "select 'é', bad", at: "bad", expected: "bad"),
    ]

    func testPositionsMapBackToTheTemplate() {
        for example in cases {
            let map = RenderedSourceMap(template: example.template, rendered: example.rendered)
            let scalars = Array(example.rendered.unicodeScalars)
            let needle = Array(example.at.unicodeScalars)
            guard let offset = (0...(scalars.count - needle.count)).last(where: { Array(scalars[$0..<($0 + needle.count)]) == needle })
            else { return XCTFail("\(example.at) not in \(example.rendered)") }
            guard let source = map.sourceOffset(forRenderedOffset: offset) else {
                XCTFail("no mapping for \(example.at) in \(example.template.debugDescription)")
                continue
            }
            let text = String(String.UnicodeScalarView(example.template.unicodeScalars.dropFirst(source).prefix(example.expected.unicodeScalars.count)))
            XCTAssertEqual(text, example.expected, example.template.debugDescription)
        }
    }

    func testNoMappingOutsideTheRenderedText() {
        let map = RenderedSourceMap(template: "select 1", rendered: "select 1")
        XCTAssertNil(map.sourceOffset(forRenderedOffset: -1))
    }
}
