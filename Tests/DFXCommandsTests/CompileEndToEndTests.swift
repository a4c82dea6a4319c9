import DFXCommands
import Foundation
import XCTest

/// `dfx compile` / `parse` / `clean` / `--version` on the dbt-format fixture project `jaffle`.
///
/// Compiled SQL is compared with golden files under `Fixtures/jaffle/expected/compiled/`; run with
/// `RECORD_SNAPSHOTS=1` to re-record them (then review the diff).
final class CompileEndToEndTests: XCTestCase {
    /// Every file under `folder`, relative, sorted.
    static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let next = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue,
                !next.hasSuffix(".keep")
            {
                result.append(next)
            }
        }
        return result.sorted()
    }

    func testCompileWritesGoldenSQLForEveryCompiledNode() throws {
        let project = try FixtureProject("jaffle")
        let result = project.run(["compile"])
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        let compiledRoot = project.root + "/target/compiled"
        let produced = Self.files(under: compiledRoot)
        XCTAssertFalse(produced.isEmpty)

        let sourceExpected = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/jaffle/expected/compiled").path
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.removeItem(atPath: sourceExpected)
            for file in produced {
                let destination = URL(fileURLWithPath: sourceExpected + "/" + file)
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: compiledRoot + "/" + file, toPath: destination.path)
            }
            return
        }
        let bundleExpected = try XCTUnwrap(FixtureProject.bundlePath("jaffle")) + "/expected/compiled"
        XCTAssertEqual(produced, Self.files(under: bundleExpected), "the set of compiled files changed (RECORD_SNAPSHOTS=1 re-records)")
        for file in produced {
            let actual = try String(contentsOfFile: compiledRoot + "/" + file, encoding: .utf8)
            let expected = (try? String(contentsOfFile: bundleExpected + "/" + file, encoding: .utf8)) ?? "<missing golden>"
            XCTAssertEqual(actual, expected, "compiled \(file) differs from its golden file")
        }
    }

    func testCompiledSQLHasTheExpectedShape() throws {
        let project = try FixtureProject("jaffle")
        XCTAssertEqual(project.run(["compile"]).status, 0)
        let base = "target/compiled/jaffle/"
        // {% set %} + {% for %} with loop.last: one column per payment method, no trailing comma.
        let orders = try XCTUnwrap(project.read(base + "models/marts/orders.sql"))
        XCTAssertTrue(orders.contains("__dbt__cte__int_order_payments"), orders)
        XCTAssertTrue(orders.contains("as gift_card_amount\n"), orders)
        XCTAssertFalse(orders.contains("gift_card_amount,"), orders)
        XCTAssertFalse(orders.contains("{{"), orders)
        // The consumer's own `with` is merged with the injected CTE: a single leading `with`.
        let trimmed = orders.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(trimmed.hasPrefix("with __dbt__cte__int_order_payments as ("), orders)
        XCTAssertEqual(orders.components(separatedBy: "with ").count - 1, 1, orders)
        // A project macro is expanded where it is called.
        let payments = try XCTUnwrap(project.read(base + "models/staging/stg_payments.sql"))
        XCTAssertTrue(payments.contains("(amount / 100.0) as amount"), payments)
        // A generic test from tests/generic and the built-ins compile to files named after the test.
        XCTAssertTrue(project.exists(base + "models/staging/_models.yml/is_positive_stg_payments_amount.sql"))
        XCTAssertTrue(project.exists(base + "models/staging/_models.yml/accepted_values_stg_orders_status__placed__shipped.sql"))
        XCTAssertTrue(project.exists(base + "models/staging/_sources.yml/source_unique_shop_orders_id.sql"))
        XCTAssertTrue(project.exists(base + "tests/assert_orders_have_customers.sql"))
        XCTAssertTrue(project.exists(base + "analyses/order_counts.sql"))
        XCTAssertTrue(project.exists(base + "snapshots/orders_snapshot.sql"))
        // Seeds and sources are not compiled.
        XCTAssertFalse(project.exists(base + "seeds/raw_customers.csv"))
    }

    func testYAMLSnapshotBesideTestsOfTheSameFile() throws {
        let project = try FixtureProject("jaffle")
        try project.write(
            "seeds/props.yml",
            """
            seeds:
              - name: raw_customers
                columns:
                  - name: id
                    tests: [unique]
            snapshots:
              - name: customers_history
                relation: ref('raw_customers')
                config: {unique_key: id, strategy: check, check_cols: all}
            """)
        let result = project.run(["compile"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let base = "target/compiled/jaffle/seeds/props.yml/"
        XCTAssertEqual(
            project.read(base + "customers_history.sql")?.trimmingCharacters(in: .whitespacesAndNewlines),
            "select * from \"main_raw.raw_customers\"")
        XCTAssertTrue(project.exists(base + "unique_raw_customers_id.sql"))
    }

    func testManifestContent() throws {
        let project = try FixtureProject("jaffle")
        XCTAssertEqual(project.run(["compile"]).status, 0)
        let manifest = try project.manifest()
        let metadata = try XCTUnwrap(manifest["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["project_name"] as? String, "jaffle")
        XCTAssertEqual(metadata["adapter_type"] as? String, "sqlite")
        let nodes = try XCTUnwrap(manifest["nodes"] as? [String: [String: Any]])
        let sources = try XCTUnwrap(manifest["sources"] as? [String: [String: Any]])
        XCTAssertEqual(Set(sources.keys), ["source.jaffle.shop.orders", "source.jaffle.shop.payments"])
        XCTAssertEqual(sources["source.jaffle.shop.orders"]?["identifier"] as? String, "raw_orders")
        for id in [
            "model.jaffle.stg_orders", "model.jaffle.stg_customers", "model.jaffle.stg_payments", "model.jaffle.int_order_payments",
            "model.jaffle.orders", "model.jaffle.customers", "seed.jaffle.raw_customers", "snapshot.jaffle.orders_snapshot",
            "analysis.jaffle.order_counts", "test.jaffle.assert_orders_have_customers",
        ] {
            XCTAssertNotNil(nodes[id], "missing \(id)")
        }
        let orders = try XCTUnwrap(nodes["model.jaffle.orders"])
        let dependsOn = try XCTUnwrap(orders["depends_on"] as? [String: Any])
        XCTAssertEqual(
            Set(dependsOn["nodes"] as? [String] ?? []), ["model.jaffle.stg_orders", "model.jaffle.int_order_payments"])
        XCTAssertEqual(orders["fqn"] as? [String], ["jaffle", "marts", "orders"])
        XCTAssertEqual(orders["original_file_path"] as? String, "models/marts/orders.sql")
        XCTAssertEqual(orders["path"] as? String, "marts/orders.sql")
        let refs = try XCTUnwrap(orders["refs"] as? [[String: Any]])
        XCTAssertEqual(refs.compactMap { $0["name"] as? String }, ["stg_orders", "int_order_payments"])
        let config = try XCTUnwrap(orders["config"] as? [String: Any])
        XCTAssertEqual(config["materialized"] as? String, "table")
        // Tags append: project tree (marts) then config() in the file.
        XCTAssertEqual(Set(config["tags"] as? [String] ?? []), ["marts", "finance"])
        XCTAssertEqual(orders["schema"] as? String, "main_marts")
        let checksum = try XCTUnwrap(orders["checksum"] as? [String: Any])
        XCTAssertEqual(checksum["name"] as? String, "sha256")
        XCTAssertEqual((checksum["checksum"] as? String)?.count, 64)
        let compiledCode = try XCTUnwrap(orders["compiled_code"] as? String)
        XCTAssertTrue(compiledCode.contains("__dbt__cte__int_order_payments"))
        XCTAssertEqual(orders["raw_code"] as? String, project.read("models/marts/orders.sql"))

        // Generic tests carry their metadata, attached node and column.
        let accepted = try XCTUnwrap(nodes.values.first { ($0["name"] as? String) == "accepted_values_stg_orders_status__placed__shipped" })
        let testMetadata = try XCTUnwrap(accepted["test_metadata"] as? [String: Any])
        XCTAssertEqual(testMetadata["name"] as? String, "accepted_values")
        let kwargs = try XCTUnwrap(testMetadata["kwargs"] as? [String: Any])
        XCTAssertEqual(kwargs["values"] as? [String], ["placed", "shipped"])
        XCTAssertEqual(kwargs["column_name"] as? String, "status")
        XCTAssertEqual(accepted["attached_node"] as? String, "model.jaffle.stg_orders")
        XCTAssertEqual(accepted["column_name"] as? String, "status")
        // The relationships test uses the `arguments:`/`config:` form and depends on both models.
        let relationship = try XCTUnwrap(nodes.values.first { ($0["name"] as? String)?.hasPrefix("relationships_stg_orders_") == true })
        XCTAssertEqual(relationship["name"] as? String, "relationships_stg_orders_customer_id__customer_id__ref_stg_customers_")
        XCTAssertEqual((relationship["config"] as? [String: Any])?["severity"] as? String, "warn")
        // Too long for a file name: dbt's short name (first 30 characters + MD5) is the alias and the file.
        XCTAssertEqual(relationship["alias"] as? String, "relationships_stg_orders_96411fe0c89b49c3f4da955dfd358ba0")
        XCTAssertEqual(
            relationship["compiled_path"] as? String,
            "target/compiled/jaffle/models/staging/_models.yml/relationships_stg_orders_96411fe0c89b49c3f4da955dfd358ba0.sql")
        XCTAssertEqual(
            Set((relationship["depends_on"] as? [String: Any])?["nodes"] as? [String] ?? []),
            ["model.jaffle.stg_orders", "model.jaffle.stg_customers"])

        // parent_map / child_map agree with depends_on.
        let parentMap = try XCTUnwrap(manifest["parent_map"] as? [String: [String]])
        let childMap = try XCTUnwrap(manifest["child_map"] as? [String: [String]])
        XCTAssertEqual(Set(parentMap["model.jaffle.orders"] ?? []), ["model.jaffle.stg_orders", "model.jaffle.int_order_payments"])
        XCTAssertTrue(childMap["model.jaffle.stg_orders"]?.contains("model.jaffle.orders") ?? false)
        XCTAssertTrue(childMap["source.jaffle.shop.orders"]?.contains("model.jaffle.stg_orders") ?? false)
        XCTAssertEqual(parentMap["source.jaffle.shop.orders"], [])
        for (child, parents) in parentMap {
            for parent in parents {
                XCTAssertTrue(childMap[parent]?.contains(child) ?? false, "\(parent) → \(child) missing from child_map")
            }
        }
    }

    func testParseWritesManifestWithoutCompiledSQL() throws {
        let project = try FixtureProject("jaffle")
        let result = project.run(["parse"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Parsed 6 models"), result.stdout)
        XCTAssertFalse(project.exists("target/compiled"))
        let nodes = try XCTUnwrap(try project.manifest()["nodes"] as? [String: [String: Any]])
        XCTAssertNil(nodes["model.jaffle.orders"]?["compiled_code"])
    }

    func testProjectDirOptionFromAnotherFolder() throws {
        let project = try FixtureProject("jaffle")
        let result = project.run(["parse", "--project-dir", project.root], directory: project.home)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(project.exists("target/manifest.json"))
    }

    func testCleanRemovesTargetAndRefusesOutsideTheProject() throws {
        let project = try FixtureProject("jaffle")
        XCTAssertEqual(project.run(["parse"]).status, 0)
        XCTAssertTrue(project.exists("target/manifest.json"))
        let cleaned = project.run(["clean"])
        XCTAssertEqual(cleaned.status, 0, cleaned.stderr)
        XCTAssertFalse(project.exists("target"))
        XCTAssertTrue(project.exists("models/marts/orders.sql"))

        let outside = URL(fileURLWithPath: project.root).deletingLastPathComponent().appendingPathComponent("precious").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        for targets in ["[\"../precious\"]", "[\"\(outside)\"]", "[\"models\"]", "[\".\"]"] {
            let text = try XCTUnwrap(project.read("dbt_project.yml")).replacingOccurrences(
                of: "clean-targets: [\"target\"]", with: "clean-targets: \(targets)")
            try project.write("dbt_project.yml", text)
            let refused = project.run(["clean"])
            XCTAssertEqual(refused.status, 2, "clean-targets \(targets) must be refused")
            XCTAssertTrue(refused.stderr.contains("refusing to clean"), refused.stderr)
            try project.write("dbt_project.yml", text.replacingOccurrences(of: "clean-targets: \(targets)", with: "clean-targets: [\"target\"]"))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: outside))
        XCTAssertTrue(project.exists("models/marts/orders.sql"))
    }

    func testVersionAndHelp() throws {
        let project = try FixtureProject("jaffle")
        let version = project.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.contains(DFXVersion.current), version.stdout)
        let help = project.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("compile"), help.stdout)
    }
}
