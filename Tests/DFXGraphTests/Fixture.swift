import DFXBasics
import DFXGraph

/// A small shop project: sources → staging → intermediate → marts, a seed, a package model, an
/// analysis, a snapshot, and tests with one and two parents.
///
/// ```
/// raw.orders ──> stg_orders ──┬──> int_orders_payments ──> fct_orders ──┬──> customer_ltv
/// stripe.payments ─> stg_payments ┘                          │          ├──> fct_daily <── utils.calendar
/// raw.customers ─> stg_customers ──┐                          │          └──> order_trends (analysis)
/// country_codes (seed) ────────────┴─> int_customer_orders ──> dim_customers ─┘ (customer_ltv)
/// stg_orders ──> orders_snapshot
/// ```
enum Fixture {
    static func model(
        _ name: String, _ folder: String, parents: [String], tags: [String] = [],
        config: [String: ConfigValue] = [:], package: String = "shop"
    ) -> GraphNode {
        let folders = folder.split(separator: "/").map(String.init)
        return GraphNode(
            uniqueID: "model.\(package).\(name)", name: name, resourceType: .model, packageName: package,
            fqn: [package] + folders + [name],
            originalFilePath: (["models"] + folders + ["\(name).sql"]).joined(separator: "/"),
            tags: tags, config: config, parents: parents,
            location: SourceLocation(file: (["models"] + folders + ["\(name).sql"]).joined(separator: "/"), line: 1, column: 1))
    }

    static func source(_ source: String, _ table: String, file: String, folder: String) -> GraphNode {
        GraphNode(
            uniqueID: "source.shop.\(source).\(table)", name: table, resourceType: .source, packageName: "shop",
            fqn: ["shop"] + folder.split(separator: "/").map(String.init) + [source, table],
            originalFilePath: file, sourceName: source)
    }

    static func test(
        _ name: String, hash: String?, parents: [String], generic: String?, file: String, folder: String = "staging",
        tags: [String] = [], config: [String: ConfigValue] = [:]
    ) -> GraphNode {
        GraphNode(
            uniqueID: "test.shop.\(name)" + (hash.map { ".\($0)" } ?? ""), name: name, resourceType: .test,
            packageName: "shop", fqn: ["shop"] + (generic == nil ? [] : folder.split(separator: "/").map(String.init)) + [name],
            originalFilePath: file, tags: tags, config: config,
            testType: generic == nil ? .singular : .generic, testName: generic, parents: parents)
    }

    static let nodes: [GraphNode] = [
        source("raw", "orders", file: "models/staging/sources.yml", folder: "staging"),
        source("raw", "customers", file: "models/staging/sources.yml", folder: "staging"),
        source("stripe", "payments", file: "models/staging/stripe/sources.yml", folder: "staging/stripe"),
        GraphNode(
            uniqueID: "seed.shop.country_codes", name: "country_codes", resourceType: .seed, packageName: "shop",
            fqn: ["shop", "country_codes"], originalFilePath: "seeds/country_codes.csv"),
        model("stg_orders", "staging", parents: ["source.shop.raw.orders"], tags: ["staging"],
              config: ["materialized": .string("view")]),
        model("stg_customers", "staging", parents: ["source.shop.raw.customers"], tags: ["staging", "pii"],
              config: ["materialized": .string("view")]),
        model("stg_payments", "staging/stripe", parents: ["source.shop.stripe.payments"], tags: ["staging"],
              config: ["materialized": .string("view")]),
        model("int_orders_payments", "intermediate", parents: ["model.shop.stg_orders", "model.shop.stg_payments"],
              config: ["materialized": .string("ephemeral")]),
        model("int_customer_orders", "intermediate",
              parents: ["model.shop.stg_customers", "model.shop.int_orders_payments", "seed.shop.country_codes"],
              config: ["materialized": .string("ephemeral")]),
        model("fct_orders", "marts", parents: ["model.shop.int_orders_payments"], tags: ["nightly"],
              config: ["materialized": .string("table"), "meta": .dict(["owner": .string("alice")]),
                       "enabled": .bool(true), "grants": .list([.string("reporter")])]),
        model("dim_customers", "marts", parents: ["model.shop.int_customer_orders"], tags: ["nightly", "pii"],
              config: ["materialized": .string("table"), "meta": .dict(["owner": .string("bob")]),
                       "persist_docs": .dict(["relation": .bool(true)])]),
        model("customer_ltv", "marts/finance", parents: ["model.shop.fct_orders", "model.shop.dim_customers"],
              tags: ["finance"], config: ["materialized": .string("incremental"), "batch_size": .int(500)]),
        model("calendar", "", parents: [], package: "utils"),
        model("fct_daily", "marts", parents: ["model.shop.fct_orders", "model.utils.calendar"],
              config: ["materialized": .string("table")]),
        GraphNode(
            uniqueID: "analysis.shop.order_trends", name: "order_trends", resourceType: .analysis, packageName: "shop",
            fqn: ["shop", "analysis", "order_trends"], originalFilePath: "analyses/order_trends.sql",
            parents: ["model.shop.fct_orders"]),
        GraphNode(
            uniqueID: "snapshot.shop.orders_snapshot", name: "orders_snapshot", resourceType: .snapshot,
            packageName: "shop", fqn: ["shop", "orders_snapshot", "orders_snapshot"],
            originalFilePath: "snapshots/orders_snapshot.sql", parents: ["model.shop.stg_orders"]),
        test("not_null_stg_orders_order_id", hash: "a1", parents: ["model.shop.stg_orders"], generic: "not_null",
             file: "models/staging/schema.yml"),
        test("unique_stg_orders_order_id", hash: "a2", parents: ["model.shop.stg_orders"], generic: "unique",
             file: "models/staging/schema.yml"),
        test("source_not_null_raw_orders_id", hash: "a3", parents: ["source.shop.raw.orders"], generic: "not_null",
             file: "models/staging/sources.yml"),
        test("relationships_stg_payments_order_id", hash: "a4",
             parents: ["model.shop.stg_payments", "model.shop.stg_orders"], generic: "relationships",
             file: "models/staging/stripe/schema.yml", folder: "staging/stripe"),
        test("accepted_values_stg_payments_method", hash: "a5", parents: ["model.shop.stg_payments"],
             generic: "accepted_values", file: "models/staging/stripe/schema.yml", folder: "staging/stripe",
             tags: ["finance"]),
        test("unique_dim_customers_customer_id", hash: "a6", parents: ["model.shop.dim_customers"], generic: "unique",
             file: "models/marts/schema.yml", folder: "marts", config: ["severity": .string("warn")]),
        test("relationships_fct_orders_customer_id", hash: "a7",
             parents: ["model.shop.fct_orders", "model.shop.dim_customers"], generic: "relationships",
             file: "models/marts/schema.yml", folder: "marts", config: ["severity": .string("error")]),
        test("assert_positive_ltv", hash: nil, parents: ["model.shop.customer_ltv"], generic: nil,
             file: "tests/assert_positive_ltv.sql"),
        test("assert_orders_match_payments", hash: nil,
             parents: ["model.shop.stg_orders", "model.shop.int_orders_payments"], generic: nil,
             file: "tests/assert_orders_match_payments.sql"),
    ]

    static func graph() throws -> DependencyGraph { try DependencyGraph(nodes: nodes) }

    /// Short, readable names for expectations: sources as `src.table`, everything else by name.
    static func short(_ uniqueID: String) -> String {
        let parts = uniqueID.split(separator: ".").map(String.init)
        if parts.first == "source", parts.count == 4 { return parts[2] + "." + parts[3] }
        return parts.count > 2 ? parts[2] : uniqueID
    }
}
