import DFXBasics
import DFXGraph
import XCTest

/// Selection on the fixture project, each case citing the dbt behaviour it checks
/// (docs: "Node selection syntax", "Graph operators", "Set operators", "Node selector methods";
/// code: core/dbt/graph/selector_methods.py, selector.py).
final class SelectionTests: XCTestCase {
    struct Case {
        let select: [String]
        var exclude: [String] = []
        var types: Set<ResourceType>? = [.model]
        let expected: Set<String>
        let why: String
    }

    static let cases: [Case] = [
        Case(select: ["stg_orders"], expected: ["stg_orders"], why: "fqn: a bare name matches the fqn's last segment"),
        Case(select: ["+fct_orders"], expected: ["fct_orders", "int_orders_payments", "stg_orders", "stg_payments"],
             why: "graph operators: '+m' adds all ancestors"),
        Case(select: ["fct_orders+"], expected: ["fct_orders", "customer_ltv", "fct_daily"],
             why: "'m+' adds all descendants (the analysis and test are filtered out by resource type)"),
        Case(select: ["1+dim_customers"], expected: ["dim_customers", "int_customer_orders"],
             why: "'1+m': first-degree parents only"),
        Case(select: ["2+dim_customers"],
             expected: ["dim_customers", "int_customer_orders", "stg_customers", "int_orders_payments"],
             why: "'2+m': parents and grandparents (the seed is filtered out)"),
        Case(select: ["stg_payments+1"], expected: ["stg_payments", "int_orders_payments"],
             why: "'m+1': first-degree children only"),
        Case(select: ["stg_payments+2"], expected: ["stg_payments", "int_orders_payments", "int_customer_orders", "fct_orders"],
             why: "'m+2': children and grandchildren"),
        Case(select: ["0+fct_orders+0"], expected: ["fct_orders"], why: "depth 0 adds nothing"),
        Case(select: ["@int_customer_orders"],
             expected: ["int_customer_orders", "dim_customers", "customer_ltv", "stg_customers", "int_orders_payments",
                        "stg_orders", "stg_payments", "fct_orders"],
             why: "'@m': m, its descendants, and all ancestors of those (fct_orders is a parent of customer_ltv)"),
        Case(select: ["int_customer_orders+"], expected: ["int_customer_orders", "dim_customers", "customer_ltv"],
             why: "contrast with '@': no ancestors of the descendants"),
        Case(select: ["tag:nightly"], expected: ["fct_orders", "dim_customers"], why: "tag method"),
        Case(select: ["tag:*ly"], expected: ["fct_orders", "dim_customers"], why: "tags are matched with fnmatch"),
        Case(select: ["tag:nightly,tag:pii"], expected: ["dim_customers"], why: "set operators: comma is intersection"),
        Case(select: ["tag:nightly tag:finance"], expected: ["fct_orders", "dim_customers", "customer_ltv"],
             why: "set operators: space is union"),
        Case(select: ["tag:nightly", "tag:finance"], expected: ["fct_orders", "dim_customers", "customer_ltv"],
             why: "a repeated --select joins the union"),
        Case(select: ["+fct_orders,tag:staging"], expected: ["stg_orders", "stg_payments"],
             why: "intersection applies after each atom's graph operators"),
        Case(select: ["staging"], expected: ["stg_orders", "stg_customers", "stg_payments"],
             why: "fqn: a folder name matches every node below it (prefix of the fqn without the package)"),
        Case(select: ["shop.staging.stripe"], expected: ["stg_payments"], why: "fqn: package and folders as a dotted prefix"),
        Case(select: ["shop.marts.*"], expected: ["fct_orders", "dim_customers", "customer_ltv", "fct_daily"],
             why: "fqn: '*' after a prefix matches the rest, across further folders"),
        Case(select: ["marts.f*"], expected: ["fct_orders", "customer_ltv", "fct_daily"],
             why: "fqn: from the wildcard part on, dbt fnmatches the joined rest: 'finance.customer_ltv' matches 'f*'"),
        Case(select: ["stg_*"], expected: [],
             why: "fqn: a leading wildcard is matched against the whole (unscoped) fqn, so nested models need '*.stg_*'"),
        Case(select: ["*.stg_*"], expected: ["stg_orders", "stg_customers", "stg_payments"], why: "fqn: see above"),
        Case(select: ["utils"], expected: ["calendar"], why: "fqn: a package name selects the package"),
        Case(select: ["utils.calendar"], expected: ["calendar"], why: "fqn: package-qualified name"),
        Case(select: ["package:utils"], expected: ["calendar"], why: "package method"),
        Case(select: ["package:sho?"], expected: ["stg_orders", "stg_customers", "stg_payments", "int_orders_payments",
                                                   "int_customer_orders", "fct_orders", "dim_customers", "customer_ltv", "fct_daily"],
             why: "package method with fnmatch"),
        Case(select: ["path:models/staging"], expected: ["stg_orders", "stg_customers", "stg_payments"],
             why: "path: a directory selects everything below it"),
        Case(select: ["models/staging/stripe"], expected: ["stg_payments"], why: "a value with '/' defaults to path"),
        Case(select: ["path:models/staging/*.sql"], expected: ["stg_orders", "stg_customers"],
             why: "path globs: '*' does not cross directories"),
        Case(select: ["path:models/**/stg_*.sql"], expected: ["stg_orders", "stg_customers", "stg_payments"],
             why: "path globs: '**' crosses directories"),
        Case(select: ["path:./models/marts/"], expected: ["fct_orders", "dim_customers", "customer_ltv", "fct_daily"],
             why: "path: leading './' and trailing '/' are ignored"),
        Case(select: ["path:models/marts/schema.yml"], types: nil,
             expected: ["unique_dim_customers_customer_id", "relationships_fct_orders_customer_id"],
             why: "path: a YAML file selects the nodes it defines"),
        Case(select: ["file:stg_orders.sql"], expected: ["stg_orders"], why: "file method: the file name"),
        Case(select: ["file:stg_orders"], expected: ["stg_orders"], why: "file method: the name without extension"),
        Case(select: ["stg_payments.sql"], expected: ["stg_payments"], why: "a .sql value defaults to file"),
        Case(select: ["file:fct_*"], expected: ["fct_orders", "fct_daily"], why: "file method with fnmatch"),
        Case(select: ["config.materialized:table"], expected: ["fct_orders", "dim_customers", "fct_daily"], why: "config method"),
        Case(select: ["config.meta.owner:bob"], expected: ["dim_customers"], why: "config: nested keys descend into dicts"),
        Case(select: ["config.grants:reporter"], expected: ["fct_orders"], why: "config: a list matches when it contains the value"),
        Case(select: ["config.enabled:True"], expected: ["fct_orders"], why: "config: 'true' compares case-insensitively with booleans"),
        Case(select: ["config.persist_docs:relation"], expected: [], why: "config: a dict never equals a string"),
        Case(select: ["config.batch_size:500"], expected: ["customer_ltv"],
             why: "dfx: numbers compare by their decimal spelling (dbt compares '500' with 500 and never matches)"),
        Case(select: ["config.severity:WARN"], types: nil, expected: ["unique_dim_customers_customer_id"],
             why: "config.severity compares case-insensitively"),
        Case(select: ["resource_type:seed"], types: nil, expected: ["country_codes"], why: "resource_type method"),
        Case(select: ["resource_type:snapshot"], types: nil, expected: ["orders_snapshot"], why: "resource_type method"),
        Case(select: ["resource_type:exposure"], types: nil, expected: [], why: "a valid dbt type with no nodes"),
        Case(select: ["source:raw"], types: nil, expected: ["raw.orders", "raw.customers", "source_not_null_raw_orders_id"],
             why: "source:src selects its tables; tests on them come along (eager indirect selection)"),
        Case(select: ["source:raw+"],
             expected: ["stg_orders", "stg_customers", "int_orders_payments", "int_customer_orders", "fct_orders",
                        "dim_customers", "customer_ltv", "fct_daily"],
             why: "'source:x+' is the usual way to run everything downstream of a source"),
        Case(select: ["source:stripe.payments"], types: nil, expected: ["stripe.payments"], why: "source:src.table"),
        Case(select: ["source:shop.raw.orders"], types: [.source], expected: ["raw.orders"], why: "source:pkg.src.table"),
        Case(select: ["source:*.customers"], types: nil, expected: ["raw.customers"], why: "source parts are fnmatched"),
        Case(select: ["orders"], types: nil, expected: [], why: "fqn never selects sources (dbt searches parsed nodes only)"),
        Case(select: ["test_type:singular"], types: nil, expected: ["assert_positive_ltv", "assert_orders_match_payments"],
             why: "test_type:singular"),
        Case(select: ["test_type:generic"], types: nil,
             expected: ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "source_not_null_raw_orders_id",
                        "relationships_stg_payments_order_id", "accepted_values_stg_payments_method",
                        "unique_dim_customers_customer_id", "relationships_fct_orders_customer_id"],
             why: "test_type:generic"),
        Case(select: ["test_name:relationships"], types: nil,
             expected: ["relationships_stg_payments_order_id", "relationships_fct_orders_customer_id"], why: "test_name"),
        Case(select: ["test_name:not_*"], types: nil,
             expected: ["not_null_stg_orders_order_id", "source_not_null_raw_orders_id"], why: "test_name with fnmatch"),
        Case(select: ["staging"], exclude: ["stg_orders"], expected: ["stg_customers", "stg_payments"],
             why: "--exclude: set difference"),
        Case(select: ["tag:nightly+"], exclude: ["customer_ltv"], expected: ["fct_orders", "dim_customers", "fct_daily"],
             why: "--exclude applies after graph operators"),
        Case(select: [], exclude: ["tag:staging"],
             expected: ["int_orders_payments", "int_customer_orders", "fct_orders", "dim_customers", "customer_ltv",
                        "calendar", "fct_daily"],
             why: "no --select: everything of the command's resource types, minus the exclusion"),
        Case(select: ["stg_orders"], exclude: ["stg_payments"], types: [.test],
             expected: ["not_null_stg_orders_order_id", "unique_stg_orders_order_id", "assert_orders_match_payments"],
             why: "exclusions expand tests like selections (eager by default): excluding stg_payments drops its relationships test"),
        Case(select: [], types: [.seed, .snapshot], expected: ["country_codes", "orders_snapshot"],
             why: "default selection with the resource types of e.g. `dbt build --resource-type ...`"),
    ]

    func testSelectionTable() throws {
        let selector = NodeSelector(graph: try Fixture.graph())
        for c in Self.cases {
            let spec = try SelectorParser.commandLine(select: c.select, exclude: c.exclude)
            let result = selector.select(spec, resourceTypes: c.types)
            XCTAssertEqual(Set(result.uniqueIDs.map(Fixture.short)), c.expected,
                           "--select \(c.select) --exclude \(c.exclude): \(c.why)")
        }
    }

    func testResultsComeInTopologicalOrder() throws {
        let graph = try Fixture.graph()
        let result = NodeSelector(graph: graph).select(try SelectorParser.parse("+customer_ltv"), resourceTypes: [.model])
        let order = graph.topologicalOrder.filter(Set(result.uniqueIDs).contains)
        XCTAssertEqual(result.uniqueIDs, order)
        XCTAssertEqual(result.uniqueIDs.last, "model.shop.customer_ltv")
    }

    func testDefaultSelectionIsEverything() throws {
        let result = NodeSelector(graph: try Fixture.graph()).select(.all)
        XCTAssertEqual(result.uniqueIDs.count, Fixture.nodes.count)
        XCTAssertEqual(result.warnings, [])
    }

    func testTermsThatMatchNothingWarnWithSuggestions() throws {
        let selector = NodeSelector(graph: try Fixture.graph())
        let result = selector.select(try SelectorParser.commandLine(select: ["stg_ordres tag:nightly tag:x,stg_orders"], exclude: ["nothing"]))
        XCTAssertEqual(result.warnings.map(\.message), [
            "the selection criterion 'fqn:stg_ordres' does not match any enabled nodes",
            "the selection criterion 'intersection(tag:x, fqn:stg_orders)' does not match any enabled nodes",
        ])
        XCTAssertEqual(result.warnings.first?.hint, "did you mean 'stg_orders'?")
        XCTAssertEqual(result.warnings.first?.severity, .warning)
        XCTAssertFalse(result.uniqueIDs.isEmpty)
    }
}
