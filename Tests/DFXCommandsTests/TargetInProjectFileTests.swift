import DFXTestSupport
import DFXCommands
import Foundation
import XCTest

/// dbt renders the project file with the target known: `+enabled: "{{ target.name == 'prod' }}"`
/// switches a folder on in prod only, and the rendered text becomes a boolean.
final class TargetInProjectFileTests: XCTestCase {
    func testProjectConfigsSeeTheTargetAndRenderNatively() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-target-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/models/prod_only", withIntermediateDirectories: true)
        try """
            name: shop
            profile: shop
            models:
              shop:
                prod_only:
                  +enabled: "{{ target.name == 'prod' }}"
                  +tags: "{{ ['nightly', target.name] }}"
            """.write(toFile: root + "/dfx_project.yml", atomically: true, encoding: .utf8)
        try """
            shop:
              target: dev
              outputs:
                dev: {type: sqlite, database: target/dev.db, schema: main}
                prod: {type: sqlite, database: target/prod.db, schema: main}
            """.write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
        try "select 1 as id\n".write(toFile: root + "/models/prod_only/audit.sql", atomically: true, encoding: .utf8)
        try "select 1 as id\n".write(toFile: root + "/models/always.sql", atomically: true, encoding: .utf8)

        func list(_ extra: [String]) -> (Int32, String) {
            let out = OutputBuffer()
            let console = Console(useColor: false, writeOut: { out.append($0) }, writeErr: { out.append($0) })
            let context = CommandContext(console: console, environment: ["HOME": root], workingDirectory: root)
            let status = DFXCLI.run(["ls", "--resource-type", "model", "--output", "name"] + extra, context: context)
            return (status, out.contents)
        }
        let dev = list([])
        XCTAssertEqual(dev.0, 0, dev.1)
        XCTAssertEqual(dev.1.split(separator: "\n").map(String.init), ["always"])
        let prod = list(["--target", "prod", "--select", "tag:prod"])
        XCTAssertEqual(prod.0, 0, prod.1)
        XCTAssertEqual(prod.1.split(separator: "\n").map(String.init), ["audit"])
    }
}
