import DFXTemplate
import XCTest

/// `StaticCall.isConditional` and `nonLiteralNames`: what lets the compiler skip rendering a model.
final class StaticCallConditionTests: XCTestCase {
    func conditions(_ source: String) throws -> [String] {
        let template = try Environment().compile(source, path: "m.sql")
        return template.staticCalls(to: ["ref", "config"]).calls.map { "\($0.name):\($0.isConditional)" }
    }

    func testTopLevelCallsAreUnconditionalEvenBesideLoops() throws {
        XCTAssertEqual(
            try conditions("{{ config(materialized='table') }}{% for c in cols %}{{ c }}{% endfor %} from {{ ref('a') }}"),
            ["config:false", "ref:false"])
        XCTAssertEqual(try conditions("{% set r = ref('a') %}{% if x %}y{% endif %}"), ["ref:false"])
    }

    func testCallsInBranchesLoopsMacrosAndShortCircuitsAreConditional() throws {
        XCTAssertEqual(try conditions("{% if prod %}{{ ref('a') }}{% else %}{{ ref('b') }}{% endif %}"), ["ref:true", "ref:true"])
        XCTAssertEqual(try conditions("{% if ref('a') %}{% elif ref('b') %}{% endif %}"), ["ref:false", "ref:true"])
        XCTAssertEqual(try conditions("{% for x in xs %}{{ ref(x) }}{% endfor %}"), ["ref:true"])
        XCTAssertEqual(try conditions("{% macro m() %}{{ ref('a') }}{% endmacro %}"), ["ref:true"])
        XCTAssertEqual(try conditions("{{ ref('a') if p else ref('b') }}"), ["ref:true", "ref:true"])
        XCTAssertEqual(try conditions("{{ p and ref('a') }}"), ["ref:true"])
    }

    /// A loop over a literal list whose body makes one watched call with the loop variable runs that
    /// call once per item: read as those calls, in item order, unconditionally. Any other loop is not.
    func testLiteralLoopsAreUnrolled() throws {
        func calls(_ source: String) throws -> [String] {
            let template = try Environment().compile(source, path: "m.sql")
            let report = template.staticCalls(to: ["ref", "config"])
            return report.calls.map { call in
                "\(call.name)(\(call.arguments.map { $0.map { $0.renderedString() } ?? "?" }.joined(separator: ",")))"
                    + (call.isConditional ? "?" : "") + "@\(call.location.column)"
            } + (report.nonLiteralNames.isEmpty ? [] : ["needs render: " + report.nonLiteralNames.sorted().joined(separator: ",")])
        }
        let unrolled = "{{ ref('z') }}{% for t in ['b', 'a'] %}{{ ref(t) }}{% if not loop.last %} union {% endif %}{% endfor %}"
        XCTAssertEqual(try calls(unrolled), ["ref(z)@4", "ref(b)@43", "ref(a)@43"])
        XCTAssertEqual(try calls("{% for t in ('b',) %}{{ ref('pkg', t, v=2) }}{% endfor %}"), ["ref(pkg,b)@25"])
        XCTAssertEqual(try calls("{% if p %}{% for t in ['b'] %}{{ ref(t) }}{% endfor %}{% endif %}"), ["ref(b)?@34"])
        // Not unrolled: two calls, a non-literal or empty list, `else`, a filter, an assignment,
        // the variable inside an expression, a watched name beside the call.
        let kept = [
            "{% for t in ['b'] %}{{ ref(t) }}{{ ref('c') }}{% endfor %}",
            "{% for t in xs %}{{ ref(t) }}{% endfor %}",
            "{% for t in [] %}{{ ref(t) }}{% endfor %}",
            "{% for t in ['b', 1] %}{{ ref(t) }}{% endfor %}",
            "{% for t in ['b'] %}{{ ref(t) }}{% else %}x{% endfor %}",
            "{% for t in ['b'] if t %}{{ ref(t) }}{% endfor %}",
            "{% for t in ['b'] %}{% set t = 'c' %}{{ ref(t) }}{% endfor %}",
            "{% for t in ['b'] %}{{ ref(t ~ '_v2') }}{% endfor %}",
            "{% for t in ['b'] %}{{ ref(t) | upper }}{% endfor %}",
            "{% for t in ['b'] %}{{ ref(t) }}{% if config %}x{% endif %}{% endfor %}",
        ]
        for source in kept {
            XCTAssertTrue(try calls(source).allSatisfy { $0.contains("?") || $0.hasPrefix("needs render") }, source)
        }
    }

    func testNonLiteralNamesSayWhichWatchedNameNeedsARender() throws {
        let template = try Environment().compile("{{ ref(name) }} {{ config(materialized='view') }} {% set f = config %}", path: "m.sql")
        let report = template.staticCalls(to: ["ref", "config", "source"])
        XCTAssertEqual(report.nonLiteralNames, ["ref", "config"])
        XCTAssertTrue(report.hasNonLiteralCalls)
    }
}
