import DFXTestSupport
import DFXCommands
import Foundation
import XCTest

/// `dfx seed` on both warehouses: types, NULLs, leading zeros, re-seeding.
final class SeedRunTests: XCTestCase {
    func testSeedLoadsTypedRowsAndReseeds() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write(
                "seeds/people.csv",
                "id,code,amount,day,note\n1,007,1.50,2024-01-02,hello\n2,010,,2024-01-03,\n3,ABC,2.25,2024-01-04,\"multi\nline\"\n")
            let first = project.dfx("seed")
            XCTAssertEqual(first.status, 0, "\(backend): \(first.output)")
            XCTAssertTrue(first.output.contains("1 of 1 OK loaded seed file \(project.schema).people"), "\(backend): \(first.output)")
            XCTAssertTrue(first.output.contains("[INSERT 3 in "), "\(backend): \(first.output)")
            XCTAssertTrue(first.output.contains("Done. PASS=1 ERROR=0 SKIP=0 TOTAL=1"), "\(backend): \(first.output)")
            let rows = try project.rows("select code, amount is null, note from {people} order by id")
            XCTAssertEqual(rows.map { $0[0] }, ["007", "010", "ABC"], "\(backend)")
            XCTAssertEqual(rows.map { $0[2] }, ["hello", nil, "multi\nline"], "\(backend)")
            XCTAssertEqual(try project.rows("select id + 1 from {people} where id = 2").first?.first ?? nil, "3", "\(backend): id is a number")
            let nulls = try project.rows("select count(*) from {people} where amount is null").first?.first ?? nil
            XCTAssertEqual(nulls, "1", "\(backend)")

            try project.write("seeds/people.csv", "id,code,amount,day,note\n9,0009,3.5,2024-02-01,x\n")
            let second = project.dfx("seed", "--full-refresh")
            XCTAssertEqual(second.status, 0, "\(backend): \(second.output)")
            XCTAssertEqual(try project.rows("select id, code from {people}"), [["9", "0009"]], "\(backend)")
            XCTAssertEqual(try project.statuses(), ["seed.proj.people": "success"], "\(backend)")
        }
    }

    func testReseedKeepsTheViewsOnTheSeed() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/codes.csv", "code\n01\n02\n")
            try project.write("models/code_view.sql", "select code from {{ ref('codes') }}\n")
            try project.write("models/code_count.sql", "select count(*) as n from {{ ref('code_view') }}\n")
            XCTAssertEqual(project.dfx("seed").status, 0, "\(backend)")
            XCTAssertEqual(project.dfx("run").status, 0, "\(backend)")
            try project.write("seeds/codes.csv", "code\n01\n02\n03\n")
            let reseed = project.dfx("seed")
            XCTAssertEqual(reseed.status, 0, "\(backend): \(reseed.output)")
            XCTAssertEqual(try project.rows("select n from {code_count}"), [["3"]], "\(backend)")
            XCTAssertEqual(try project.rows("select code from {code_view} order by code"), [["01"], ["02"], ["03"]], "\(backend)")
        }
    }

    func testSQLiteDatabaseFolderIsCreated() throws {
        let root = NSTemporaryDirectory() + "dfx-fresh-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/seeds", withIntermediateDirectories: true)
        try "name: fresh\nprofile: fresh\n".write(toFile: root + "/dfx_project.yml", atomically: true, encoding: .utf8)
        try "fresh:\n  target: t\n  outputs:\n    t: {type: sqlite, database: target/db/fresh.db, schema: raw}\n"
            .write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
        try "x\n1\n".write(toFile: root + "/seeds/one.csv", atomically: true, encoding: .utf8)
        let out = OutputBuffer()
        let console = Console(useColor: false, writeOut: { out.append($0) }, writeErr: { out.append($0) })
        let status = DFXCLI.run(["seed"], context: CommandContext(console: console, environment: ["HOME": root], workingDirectory: root))
        XCTAssertEqual(status, 0, out.contents)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/target/db/fresh.db"))
    }

    func testMalformedSeedFailsNamingFileLineAndColumn() throws {
        for backend in RunProject.Backend.allCases {
            let project = try RunProject(backend)
            try project.write("seeds/bad.csv", "a,b\n1,2\n3\n")
            let result = project.dfx("seed")
            XCTAssertEqual(result.status, 1, "\(backend): \(result.output)")
            XCTAssertTrue(result.output.contains("seeds/bad.csv:3:"), "\(backend): \(result.output)")
            XCTAssertEqual(try project.statuses(), ["seed.proj.bad": "error"], "\(backend)")
        }
    }
}
