import DFXGraph
import XCTest

/// Indirect test selection, per dbt's docs ("Test selection examples" → Indirect selection) and
/// `NodeSelector.expand_selection` / `incorporate_indirect_nodes` in core/dbt/graph/selector.py.
final class IndirectSelectionTests: XCTestCase {
    static let cases: [(select: String, mode: IndirectSelection, expected: Set<String>, why: String)] = [
        ("stg_orders", .eager,
         ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "relationships_stg_payments_order_id",
          "assert_orders_match_payments"],
         "eager: a test runs if ANY of its parents is selected"),
        ("stg_orders", .cautious, ["not_null_stg_orders_order_id", "unique_stg_orders_order_id"],
         "cautious: only tests whose parents are ALL selected"),
        ("stg_orders", .buildable, ["not_null_stg_orders_order_id", "unique_stg_orders_order_id"],
         "buildable: stg_payments is neither selected nor upstream of stg_orders"),
        ("stg_orders", .empty, [], "empty: no indirect tests at all"),
        ("int_orders_payments", .eager, ["assert_orders_match_payments"], "eager"),
        ("int_orders_payments", .cautious, [], "cautious: stg_orders is not selected"),
        ("int_orders_payments", .buildable, ["assert_orders_match_payments"],
         "buildable: the other parent (stg_orders) is an ancestor of the selection"),
        ("stg_orders stg_payments", .cautious,
         ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "accepted_values_stg_payments_method",
          "relationships_stg_payments_order_id"],
         "cautious: a test held back by each term joins once the union holds all its parents"),
        ("stg_orders stg_payments", .buildable,
         ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "accepted_values_stg_payments_method",
          "relationships_stg_payments_order_id"],
         "buildable: as cautious here; int_orders_payments is not upstream of the selection"),
        ("stg_orders+1", .empty,
         ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "relationships_stg_payments_order_id",
          "assert_orders_match_payments"],
         "tests that are children are selected by '+1' itself, whatever the mode"),
        ("stg_orders,tag:staging", .eager,
         ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "relationships_stg_payments_order_id",
          "assert_orders_match_payments"],
         "eager expansion happens per atom, before the intersection (dbt's get_nodes_from_criteria)"),
        ("source:raw", .cautious, ["source_not_null_raw_orders_id"], "tests on sources are selected like any other"),
        ("fct_orders dim_customers", .cautious,
         ["unique_dim_customers_customer_id", "relationships_fct_orders_customer_id"], "two-parent test, both selected"),
        ("fct_orders", .buildable, [],
         "buildable: dim_customers (the test's other parent) is not an ancestor of fct_orders"),
        ("customer_ltv", .buildable, ["assert_positive_ltv"], "single-parent tests always qualify"),
    ]

    func testModes() throws {
        let selector = NodeSelector(graph: try Fixture.graph())
        for (select, mode, expected, why) in Self.cases {
            let result = selector.select(try SelectorParser.parse(select), indirectSelection: mode, resourceTypes: [.test])
            XCTAssertEqual(Set(result.uniqueIDs.map(Fixture.short)), expected, "\(select) [\(mode)]: \(why)")
        }
    }

    func testExclusionUsesTheCommandMode() throws {
        // dbt ≥ 1.5 `parse_difference`: --exclude is parsed with the --indirect-selection flag too.
        let selector = NodeSelector(graph: try Fixture.graph())
        let spec = try SelectorParser.commandLine(select: ["stg_orders"], exclude: ["stg_payments"])
        let cases: [(IndirectSelection, Set<String>)] = [
            (.eager, ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "assert_orders_match_payments"]),
            (.cautious, ["not_null_stg_orders_order_id", "unique_stg_orders_order_id"]),
            (.empty, []),
        ]
        for (mode, expected) in cases {
            let result = selector.select(spec, indirectSelection: mode, resourceTypes: [.test])
            XCTAssertEqual(Set(result.uniqueIDs.map(Fixture.short)), expected, "\(mode)")
        }
    }

    func testCriteriaModeOverridesTheCommandMode() throws {
        let selector = NodeSelector(graph: try Fixture.graph())
        var criteria = SelectionCriteria(method: .fqn, value: "stg_orders")
        criteria.indirectSelection = .cautious
        let result = selector.select(.criteria(criteria), indirectSelection: .eager, resourceTypes: [.test])
        XCTAssertEqual(Set(result.uniqueIDs.map(Fixture.short)), ["not_null_stg_orders_order_id", "unique_stg_orders_order_id"])
    }

    func testModelsAreNotAffectedByTheMode() throws {
        let selector = NodeSelector(graph: try Fixture.graph())
        for mode in IndirectSelection.allCases {
            let result = selector.select(try SelectorParser.parse("stg_orders+1"), indirectSelection: mode, resourceTypes: [.model, .snapshot])
            XCTAssertEqual(Set(result.uniqueIDs.map(Fixture.short)), ["stg_orders", "int_orders_payments", "orders_snapshot"], "\(mode)")
        }
    }
}
