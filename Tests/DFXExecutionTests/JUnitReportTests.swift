import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--junit-xml` from a failing build, read back with a real XML parser: the counts, one testcase
/// per node, failures with their message, failing rows and SQL, and text that needs escaping.
final class JUnitReportTests: XCTestCase {
    func testFailingBuildReportParsesWithTheRightCounts() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/raw_orders.csv", DataTestProject.dirtyOrders)
            try project.write("models/orders.sql", "select * from {{ ref('raw_orders') }}\n")
            // On the seed, so that the failing tests on orders do not skip them.
            try project.write("models/order_summary.sql", "select count(*) as n from {{ ref('raw_orders') }}\n")
            try project.write("models/broken.sql", "select * from {{ ref('raw_orders') }} where no_such_column = 1\n")
            // Accepted values that need escaping in XML (markup characters, quotes, a control character).
            try project.write(
                "models/schema.yml",
                """
                models:
                  - name: orders
                    columns:
                      - name: status
                        data_tests:
                          - accepted_values: {values: ["<placed> & \\"shipped\\"", "it's", "bell\\x07"]}
                      - name: amount
                        data_tests:
                          - not_null: {severity: warn}
                      - name: id
                        data_tests: [not_null]

                """)
            try project.write("tests/cdata_like.sql", "-- ]]> is not special here\nselect * from {{ ref('orders') }} where amount > 50\n")
            let result = project.dfx("build", "--junit-xml", "reports/junit.xml")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            let data = try XCTUnwrap(FileManager.default.contents(atPath: project.root + "/reports/junit.xml"), "\(backend)")
            let document = try XMLDocument(data: data)
            let suites = try XCTUnwrap(document.rootElement(), "\(backend)")
            XCTAssertEqual(suites.name, "testsuites")
            let suite = try XCTUnwrap(suites.elements(forName: "testsuite").first, "\(backend)")
            let cases = suite.elements(forName: "testcase")
            // raw_orders, orders, order_summary, broken, 3 generic tests, 1 singular test.
            XCTAssertEqual(cases.count, 8, "\(backend): \(String(decoding: data, as: UTF8.self))")
            func attribute(_ element: XMLElement, _ name: String) -> String? { element.attribute(forName: name)?.stringValue }
            for element in [suites, suite] {
                XCTAssertEqual(attribute(element, "tests"), "8", "\(backend)")
                XCTAssertEqual(attribute(element, "failures"), "2", "\(backend): accepted_values and the singular test")
                XCTAssertEqual(attribute(element, "errors"), "1", "\(backend): broken")
                XCTAssertEqual(attribute(element, "skipped"), "0", "\(backend)")
            }
            XCTAssertEqual(cases.filter { !$0.elements(forName: "failure").isEmpty }.count, 2, "\(backend)")
            XCTAssertEqual(cases.filter { !$0.elements(forName: "error").isEmpty }.count, 1, "\(backend)")
            let byName = Dictionary(cases.compactMap { element in attribute(element, "name").map { ($0, element) } }, uniquingKeysWith: { a, _ in a })
            let accepted = try XCTUnwrap(byName.first { $0.key.hasPrefix("accepted_values_orders_status") }?.value, "\(backend): \(byName.keys)")
            XCTAssertEqual(attribute(accepted, "classname"), "proj.test")
            XCTAssertEqual(attribute(accepted, "file"), "models/schema.yml")
            XCTAssertEqual(attribute(accepted, "line"), "6")
            let failure = try XCTUnwrap(accepted.elements(forName: "failure").first)
            let message = try XCTUnwrap(attribute(failure, "message"))
            XCTAssertTrue(message.contains("<placed> & \"shipped\", it's, bell\u{FFFD}"), "\(backend): escaped and readable: \(message)")
            XCTAssertTrue(message.contains("configured to fail if != 0"), "\(backend): \(message)")
            let body = failure.stringValue ?? ""
            XCTAssertTrue(body.contains("first failing rows:\nvalue_field | n_records"), "\(backend): \(body)")
            XCTAssertTrue(body.contains("weird"), "\(backend): \(body)")
            XCTAssertTrue(body.contains("compiled SQL:\nwith observed as ("), "\(backend): \(body)")
            let singular = try XCTUnwrap(byName["cdata_like"])
            XCTAssertTrue(singular.elements(forName: "failure").first?.stringValue?.contains("]]> is not special") == true, "\(backend)")
            let warned = try XCTUnwrap(byName["not_null_orders_amount"])
            XCTAssertTrue(warned.elements(forName: "failure").isEmpty, "\(backend): a warning passes")
            XCTAssertTrue(warned.elements(forName: "system-out").first?.stringValue?.hasPrefix("WARN: 1 row of orders has a null amount") == true)
            let broken = try XCTUnwrap(byName["broken"])
            XCTAssertTrue(broken.elements(forName: "error").first?.stringValue?.contains("no_such_column") == true, "\(backend)")
            XCTAssertEqual(attribute(broken, "classname"), "proj.model")
        }
    }
}
