import DFXBasics
import DFXGraph
import XCTest

/// YAML selectors (docs: "YAML selectors"; code: core/dbt/graph/cli.py `parse_from_definition`).
final class SelectorCatalogTests: XCTestCase {
    static func at(_ line: Int, _ column: Int = 5) -> SourceLocation {
        SourceLocation(file: "selectors.yml", line: line, column: column)
    }

    static let selectors: [NamedSelector] = [
        // Key-value form: `definition: {tag: nightly}`.
        NamedSelector(name: "nightly_models", definition: .method(SelectorMethodDefinition(method: "tag", value: "nightly"))),
        // union with an exclude item.
        NamedSelector(name: "staging_no_stripe", definition: .union([
            .string("path:models/staging"), .exclude([.string("models/staging/stripe")]),
        ])),
        NamedSelector(name: "marts_tables", definition: .intersection([
            .method(SelectorMethodDefinition(method: "config.materialized", value: "table")), .string("shop.marts"),
        ])),
        // Full form with graph operators: `{method: fqn, value: customer_ltv, parents: true, parents_depth: 1}`.
        NamedSelector(name: "upstream_of_ltv", definition: .method(SelectorMethodDefinition(
            method: "fqn", value: "customer_ltv", parents: true, parentsDepth: 1))),
        // `selector:` references, including one defined later in the file.
        NamedSelector(name: "combined", definition: .union([.selector("nightly_models"), .selector("later")]), isDefault: true),
        NamedSelector(name: "later", definition: .string("1+customer_ltv")),
        NamedSelector(name: "with_method_exclude", definition: .method(SelectorMethodDefinition(
            method: "tag", value: "staging", exclude: [.string("stg_orders")]))),
        NamedSelector(name: "method_selector_ref", definition: .method(SelectorMethodDefinition(method: "selector", value: "nightly_models"))),
        NamedSelector(name: "children_only_without_flag", definition: .method(SelectorMethodDefinition(
            method: "fqn", value: "stg_payments", parentsDepth: 3, childrenDepth: 1))),
        NamedSelector(name: "at_form", definition: .method(SelectorMethodDefinition(
            method: "fqn", value: "int_customer_orders", childrensParents: true))),
        NamedSelector(name: "cautious_stg_orders", definition: .method(SelectorMethodDefinition(
            method: "fqn", value: "stg_orders", indirectSelection: .cautious))),
    ]

    func testSelectorsSelect() throws {
        let catalog = try SelectorCatalog(Self.selectors)
        let selector = NodeSelector(graph: try Fixture.graph())
        let cases: [(String, Set<ResourceType>, Set<String>)] = [
            ("nightly_models", [.model], ["fct_orders", "dim_customers"]),
            ("staging_no_stripe", [.model], ["stg_orders", "stg_customers"]),
            ("marts_tables", [.model], ["fct_orders", "dim_customers", "fct_daily"]),
            ("upstream_of_ltv", [.model], ["customer_ltv", "fct_orders", "dim_customers"]),
            ("combined", [.model], ["fct_orders", "dim_customers", "customer_ltv"]),
            ("with_method_exclude", [.model], ["stg_customers", "stg_payments"]),
            ("method_selector_ref", [.model], ["fct_orders", "dim_customers"]),
            // dbt ignores *_depth unless parents/children is true.
            ("children_only_without_flag", [.model], ["stg_payments"]),
            ("at_form", [.model], ["int_customer_orders", "dim_customers", "customer_ltv", "stg_customers",
                                   "int_orders_payments", "stg_orders", "stg_payments", "fct_orders"]),
            // The selector's indirect_selection wins over the command's (eager) mode.
            ("cautious_stg_orders", [.test], ["not_null_stg_orders_order_id", "unique_stg_orders_order_id"]),
        ]
        for (name, types, expected) in cases {
            let result = selector.select(try catalog.spec(named: name), resourceTypes: types)
            XCTAssertEqual(Set(result.uniqueIDs.map(Fixture.short)), expected, name)
        }
        XCTAssertEqual(catalog.defaultSelector?.name, "combined")
        XCTAssertEqual(catalog.defaultSpec, try catalog.spec(named: "combined"))
        XCTAssertNil(try SelectorCatalog([NamedSelector(name: "x", definition: .string("x"))]).defaultSpec)
        XCTAssertEqual(catalog.names.count, Self.selectors.count)
    }

    func testUnknownSelectorNameSuggests() throws {
        let catalog = try SelectorCatalog(Self.selectors)
        XCTAssertThrowsError(try catalog.spec(named: "nightly_model", at: SourceLocation(file: "--selector", line: 1, column: 1))) {
            let diagnostic = ($0 as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.message, "unknown selector 'nightly_model'")
            XCTAssertEqual(diagnostic?.hint, "did you mean 'nightly_models'?")
        }
        XCTAssertThrowsError(try SelectorCatalog([]).spec(named: "x")) {
            XCTAssertEqual(($0 as? DiagnosticError)?.diagnostics.first?.hint, "no selectors are defined in selectors.yml")
        }
    }

    func testErrors() {
        let cases: [(selectors: [NamedSelector], messages: [String])] = [
            ([NamedSelector(name: "a", definition: .selector("b"), location: Self.at(2)),
              NamedSelector(name: "b", definition: .union([.string("x"), .selector("a", location: Self.at(9))]), location: Self.at(5))],
             ["selectors refer to each other in a cycle: a -> b -> a"]),
            ([NamedSelector(name: "self", definition: .selector("self"))],
             ["selectors refer to each other in a cycle: self -> self"]),
            ([NamedSelector(name: "a", definition: .selector("nightly")),
              NamedSelector(name: "nightly_x", definition: .string("x"))],
             ["selector 'a' refers to unknown selector 'nightly'"]),
            ([NamedSelector(name: "a", definition: .string("x"), isDefault: true),
              NamedSelector(name: "b", definition: .string("y"), isDefault: true)],
             ["found 2 selectors with 'default: true'"]),
            ([NamedSelector(name: "a", definition: .string("x")), NamedSelector(name: "a", definition: .string("y"))],
             ["duplicate selector name 'a'"]),
            ([NamedSelector(name: "a", definition: .exclude([.string("x")]))],
             ["'exclude' must be an item of a 'union' or 'intersection' list"]),
            ([NamedSelector(name: "a", definition: .union([.string("x"), .exclude([.string("y")]), .exclude([.string("z")])]))],
             ["a 'union' can have only one 'exclude'"]),
            ([NamedSelector(name: "a", definition: .string("tag:x tag:y", location: Self.at(3, 17)))],
             ["a selector string must be a single atom; found ' '"]),
            ([NamedSelector(name: "a", definition: .method(SelectorMethodDefinition(method: "tga", value: "x", location: Self.at(4))))],
             ["unknown selector method 'tga'"]),
            ([NamedSelector(name: "a", definition: .method(SelectorMethodDefinition(method: "tag", value: "")))],
             ["selector method 'tag' has an empty value"]),
            ([NamedSelector(name: "a", definition: .method(SelectorMethodDefinition(
                method: "fqn", value: "x", children: true, childrensParents: true)))],
             ["'childrens_parents' cannot be combined with 'children'"]),
            ([NamedSelector(name: "a", definition: .intersection([.string("@x+"), .string("state:modified")]))],
             ["'@' cannot be combined with a trailing '+' in '@x+'", "selector method 'state' is not supported by dfx"]),
        ]
        for (selectors, messages) in cases {
            XCTAssertThrowsError(try SelectorCatalog(selectors), "\(messages)") { error in
                XCTAssertEqual((error as? DiagnosticError)?.diagnostics.map(\.message), messages)
            }
        }
    }

    func testDiagnosticDetails() {
        let cycle = [
            NamedSelector(name: "a", definition: .selector("b", location: Self.at(3)), location: Self.at(2)),
            NamedSelector(name: "b", definition: .selector("a", location: Self.at(6)), location: Self.at(5)),
        ]
        XCTAssertThrowsError(try SelectorCatalog(cycle)) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location, Self.at(6))
            XCTAssertEqual(diagnostic?.notes, ["'a' defined at selectors.yml:2:5", "'b' defined at selectors.yml:5:5"])
        }
        let unknown = [NamedSelector(name: "a", definition: .selector("nightly_modls", location: Self.at(3))),
                       NamedSelector(name: "nightly_models", definition: .string("x"))]
        XCTAssertThrowsError(try SelectorCatalog(unknown)) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.hint, "did you mean 'nightly_models'?")
        }
        let method = [NamedSelector(name: "a", definition: .method(SelectorMethodDefinition(method: "tga", value: "x", location: Self.at(4, 7))))]
        XCTAssertThrowsError(try SelectorCatalog(method)) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.location, Self.at(4, 7))
            XCTAssertEqual(diagnostic?.hint, "did you mean 'tag'?")
        }
    }
}
