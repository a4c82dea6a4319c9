import DFXBasics
import DFXGraph
import XCTest

/// Grammar: dbt's `RAW_SELECTOR_PATTERN` (core/dbt/graph/selector_spec.py) is
/// `(@)?(\d*\+)?([\w.]+:)?(.*?)(\+\d*)?`, and `parse_union` (core/dbt/graph/cli.py) splits on spaces
/// (union) then commas (intersection).
final class SelectorParserTests: XCTestCase {
    func testParsedSpecs() throws {
        let cases: [(input: String, expected: String, why: String)] = [
            ("stg_orders", "fqn:stg_orders", "no method and no '/' or file extension: fqn is the default"),
            ("+stg_orders", "+fqn:stg_orders", "'+' prefix: all ancestors"),
            ("stg_orders+", "fqn:stg_orders+", "'+' suffix: all descendants"),
            ("2+stg_orders+1", "2+fqn:stg_orders+1", "graph operators with depth limits"),
            ("0+m", "0+fqn:m", "depth 0 is parsed; it adds nothing"),
            ("@stg_orders", "@fqn:stg_orders", "'@': childrens_parents"),
            ("@+m", "@+fqn:m", "'@' with a '+' prefix is allowed (only the suffix is incompatible)"),
            ("tag:nightly", "tag:nightly", "explicit method"),
            ("config.materialized:table", "config.materialized:table", "config with a key argument"),
            ("config.meta.owner:alice", "config.meta.owner:alice", "nested config keys"),
            ("models/staging", "path:models/staging", "a value with '/' defaults to path"),
            ("stg_orders.sql", "file:stg_orders.sql", "a .sql value defaults to file"),
            ("country_codes.CSV", "file:country_codes.CSV", "the extension test is case-insensitive"),
            ("a b", "union(fqn:a, fqn:b)", "space: union"),
            ("a,b c", "union(intersection(fqn:a, fqn:b), fqn:c)", "comma binds tighter than space"),
            ("  a \t  b ", "union(fqn:a, fqn:b)", "runs of whitespace separate terms"),
            ("shop.staging.*", "fqn:shop.staging.*", "dotted fqn with a wildcard"),
            ("a+b", "fqn:a+b", "a '+' followed by non-digits stays in the value (lazy value, suffix must end the atom)"),
            ("a++", "fqn:a++", "only the last '+' is the operator: value 'a+'"),
            ("2m", "fqn:2m", "digits not followed by '+' belong to the value"),
            ("source:raw.orders+", "source:raw.orders+", "source with a suffix"),
            ("path:models/staging/*.sql", "path:models/staging/*.sql", "path globs"),
            ("resource_type:exposure", "resource_type:exposure", "a dbt resource type dfx does not model is valid (selects nothing)"),
            ("test_type:data", "test_type:data", "'data' = generic and singular tests"),
            ("1+tag:x+3", "1+tag:x+3", "operators around a method"),
        ]
        for (input, expected, why) in cases {
            XCTAssertEqual(try SelectorParser.parse(input).description, expected, "\(input): \(why)")
        }
    }

    func testCriteriaFields() throws {
        guard case .criteria(let criteria) = try SelectorParser.parse("3+config.meta.owner:alice+") else {
            return XCTFail("expected one atom")
        }
        XCTAssertEqual(criteria.method, .config)
        XCTAssertEqual(criteria.arguments, ["meta", "owner"])
        XCTAssertEqual(criteria.value, "alice")
        XCTAssertEqual(criteria.parents, true)
        XCTAssertEqual(criteria.parentsDepth, 3)
        XCTAssertEqual(criteria.children, true)
        XCTAssertNil(criteria.childrenDepth)
        XCTAssertFalse(criteria.childrensParents)
    }

    func testHugeDepthSaturates() throws {
        guard case .criteria(let criteria) = try SelectorParser.parse("99999999999999999999999+m") else {
            return XCTFail("expected one atom")
        }
        XCTAssertEqual(criteria.parentsDepth, Int.max)
    }

    func testErrors() {
        let cases: [(input: String, message: String, column: Int, hint: String?)] = [
            // dbt: "Invalid node spec - '@' prefix and '+' suffix are incompatible".
            ("@m+", "'@' cannot be combined with a trailing '+' in '@m+'", 3,
             "'@' already selects every descendant; write '@m' or '+m+'"),
            ("tga:nightly", "unknown selector method 'tga'", 1, "did you mean 'tag'?"),
            ("a tsg:x", "unknown selector method 'tsg'", 3, "did you mean 'tag'?"),
            ("confg.materialized:table", "unknown selector method 'confg'", 1, "did you mean 'config'?"),
            ("resource_typ:model", "unknown selector method 'resource_typ'", 1, "did you mean 'resource_type'?"),
            ("state:modified", "selector method 'state' is not supported by dfx", 1, nil),
            ("exposure:dash", "selector method 'exposure' is not supported by dfx", 1, nil),
            ("config:table", "'config' needs a config key after 'config.'", 1,
             "write e.g. 'config.materialized:table' or 'config.meta.owner:alice'"),
            ("config..x:y", "'config..x' needs a config key after 'config.'", 1,
             "write e.g. 'config.materialized:table' or 'config.meta.owner:alice'"),
            ("tag.x:y", "selector method 'tag' takes no '.x' argument", 1, "write 'tag:value'"),
            ("resource_type:modle", "unknown resource type 'modle'", 15, "did you mean 'model'?"),
            ("test_type:unique", "unknown test type 'unique'", 11, "expected generic, singular, data or unit"),
            ("source:a.b.c.d", "invalid source selector 'a.b.c.d'", 8,
             "write source:<source_name>, source:<source_name>.<table_name> or source:<package>.<source_name>.<table_name>"),
            ("a,,b", "empty selector between commas", 3, "remove the extra ','"),
            ("a,", "empty selector between commas", 2, "remove the extra ','"),
            ("tag:", "selector 'tag:' has no value", 4, "write a node name, path or method:value, e.g. 'stg_orders+'"),
            ("+", "selector '+' has no value", 1, "write a node name, path or method:value, e.g. 'stg_orders+'"),
            ("", "--select is empty", 1, "name at least one node, e.g. --select my_model"),
        ]
        for (input, message, column, hint) in cases {
            XCTAssertThrowsError(try SelectorParser.parse(input), input) { error in
                guard let diagnostic = (error as? DiagnosticError)?.diagnostics.first else { return XCTFail("\(error)") }
                XCTAssertEqual(diagnostic.message, message, input)
                XCTAssertEqual(diagnostic.location?.column, column, input)
                XCTAssertEqual(diagnostic.location?.file, "--select", input)
                if let hint { XCTAssertEqual(diagnostic.hint, hint, input) }
            }
        }
    }

    func testAllErrorsAreCollectedAndRendered() {
        XCTAssertThrowsError(try SelectorParser.parse("stg_orders tsg:x resource_type:modle")) { error in
            guard let error = error as? DiagnosticError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.diagnostics.count, 2)
            XCTAssertEqual(error.description, """
                --select:1:12: error: unknown selector method 'tsg'
                 1 | stg_orders tsg:x resource_type:modle
                   |            ^~~
                  hint: did you mean 'tag'?
                --select:1:32: error: unknown resource type 'modle'
                 1 | stg_orders tsg:x resource_type:modle
                   |                                ^~~~~
                  hint: did you mean 'model'?
                """)
        }
    }

    func testSeveralArgumentsAreOneUnionAndKeepTheirLineNumbers() throws {
        XCTAssertEqual(try SelectorParser.parse(["a", "b c"])?.description, "union(fqn:a, fqn:b, fqn:c)")
        XCTAssertNil(try SelectorParser.parse([String]()))
        XCTAssertThrowsError(try SelectorParser.parse(["a", "tga:x"], flag: "--exclude")) { error in
            let location = (error as? DiagnosticError)?.diagnostics.first?.location
            XCTAssertEqual(location, SourceLocation(file: "--exclude", line: 2, column: 1))
        }
    }

    func testCommandLineSpec() throws {
        XCTAssertEqual(try SelectorParser.commandLine(select: [], exclude: []).description, "all")
        XCTAssertEqual(
            try SelectorParser.commandLine(select: ["a+"], exclude: ["b"]).description,
            "difference(fqn:a+, fqn:b)")
        XCTAssertEqual(
            try SelectorParser.commandLine(select: [], exclude: ["b"]).description,
            "difference(all, fqn:b)")
        // Errors from both flags are reported together.
        XCTAssertThrowsError(try SelectorParser.commandLine(select: ["tga:x"], exclude: ["@y+"])) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.map { $0.location?.file }, ["--select", "--exclude"])
        }
    }

    func testSingleAtomForYAMLStrings() throws {
        let location = SourceLocation(file: "selectors.yml", line: 4, column: 11)
        XCTAssertEqual(try SelectorParser.parseCriteria("@stg_orders", location: location).description, "@fqn:stg_orders")
        XCTAssertThrowsError(try SelectorParser.parseCriteria("a b", location: location)) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location, SourceLocation(file: "selectors.yml", line: 4, column: 12))
            XCTAssertEqual(diagnostic?.hint, "write several atoms as a list under 'union:' or 'intersection:'")
        }
        XCTAssertThrowsError(try SelectorParser.parseCriteria("tga:x", location: location)) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.location?.column, 11)
        }
    }
}
