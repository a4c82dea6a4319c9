import DFXTestSupport
import DFXPostgres
import DFXSQL
import Foundation
import XCTest

/// Connection parameters reach libpq as given: keywords, a URI in `dbname`, overrides, sslmode.
final class PostgresConnectTests: XCTestCase {
    func testKeywordParametersAndURIOverrides() throws {
        let url = try TestDatabase.postgresURL()
        guard let parts = URLComponents(string: url), let host = parts.host, let port = parts.port else {
            return XCTFail("unexpected test URL \(url)")
        }
        let keywords = try PostgresConnection(parameters: [
            "host": host, "port": String(port), "user": parts.user ?? "dfx", "dbname": String(parts.path.dropFirst()),
            "sslmode": "disable", "connect_timeout": "5", "options": "-c search_path=dfx_custom_path",
        ])
        XCTAssertEqual(try keywords.fetch("show search_path").rows, [["dfx_custom_path"]])
        XCTAssertEqual(try keywords.fetch("select current_setting('application_name')").rows, [["dfx"]])
        // Explicit keywords win over what the URI says.
        let overridden = try PostgresConnection(parameters: ["dbname": url, "application_name": "dfx-test"])
        XCTAssertEqual(try overridden.fetch("select current_setting('application_name')").rows, [["dfx-test"]])
    }

    func testSSLModeRequireFailsAgainstAServerWithoutSSL() throws {
        let url = try TestDatabase.postgresURL()
        XCTAssertThrowsError(try PostgresConnection(parameters: ["dbname": url, "sslmode": "require", "connect_timeout": "5"])) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("cannot connect") && text.contains("SSL"), text)
        }
    }
}
