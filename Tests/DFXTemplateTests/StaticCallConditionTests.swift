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

    func testNonLiteralNamesSayWhichWatchedNameNeedsARender() throws {
        let template = try Environment().compile("{{ ref(name) }} {{ config(materialized='view') }} {% set f = config %}", path: "m.sql")
        let report = template.staticCalls(to: ["ref", "config", "source"])
        XCTAssertEqual(report.nonLiteralNames, ["ref", "config"])
        XCTAssertTrue(report.hasNonLiteralCalls)
    }
}
