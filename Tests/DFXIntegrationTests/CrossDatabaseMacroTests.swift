import DFXTestSupport
import DFXBasics
import DFXCommands
import DFXPostgres
import DFXSQLite
import Foundation
import XCTest

/// The cross-database macros compiled for each target and executed there: one model, two
/// warehouses, the same answers.
final class CrossDatabaseMacroTests: XCTestCase {
    let ts = "dbt.cast(\"'2024-05-15 13:45:10'\", dbt.type_timestamp())"
    let jan31 = "dbt.cast(\"'2024-01-31'\", dbt.type_timestamp())"
    let mar1 = "dbt.cast(\"'2024-03-01 02:00:00'\", dbt.type_timestamp())"

    /// Expression (template) → expected text, on both targets.
    var cases: [(String, String)] {
        [
            ("{{ dbt.dateadd('month', 2, \(jan31)) }}", "2024-03-31 00:00:00"),
            ("{{ dbt.dateadd('day', -1, \(jan31)) }}", "2024-01-30 00:00:00"),
            ("{{ dbt.dateadd('week', 1, \(jan31)) }}", "2024-02-07 00:00:00"),
            ("{{ dbt.dateadd('hour', 5, \(ts)) }}", "2024-05-15 18:45:10"),
            ("{{ dbt.datediff(\(jan31), \(mar1), 'month') }}", "2"),
            ("{{ dbt.datediff(\(jan31), \(mar1), 'day') }}", "30"),
            ("{{ dbt.datediff(\(jan31), \(mar1), 'year') }}", "0"),
            ("{{ dbt.datediff(\(jan31), \(mar1), 'quarter') }}", "0"),
            ("{{ dbt.datediff(\(jan31), \(mar1), 'hour') }}", "722"),
            ("{{ dbt.datediff(\(jan31), \(mar1), 'week') }}", "4"),  // Mondays crossed: Feb 5, 12, 19, 26
            ("{{ dbt.date_trunc('month', \(ts)) }}", "2024-05-01 00:00:00"),
            ("{{ dbt.date_trunc('week', \(ts)) }}", "2024-05-13 00:00:00"),
            ("{{ dbt.date_trunc('quarter', \(ts)) }}", "2024-04-01 00:00:00"),
            ("{{ dbt.date_trunc('day', \(ts)) }}", "2024-05-15 00:00:00"),
            ("{{ dbt.date_trunc('hour', \(ts)) }}", "2024-05-15 13:00:00"),
            ("{{ dbt.concat([\"'a'\", \"'-'\", \"'b'\"]) }}", "a-b"),
            ("{{ dbt.hash(\"'dfx'\") }}", "14a0a7f33f29e46f0238c18d528772ac"),
            ("{{ dbt.split_part(\"'a,b,c'\", \"','\", 2) }}", "b"),
            ("{{ dbt.split_part(\"'a,b,c'\", \"','\", -1) }}", "c"),
            ("{{ dbt.split_part(\"'a,b,c'\", \"','\", 5) }}", ""),
            ("{{ dbt.cast(\"'42'\", dbt.type_int()) }} + 1", "43"),
            ("{{ dbt.safe_cast(\"'7'\", dbt.type_bigint()) }}", "7"),
            ("(select {{ dbt.any_value('x') }} from (select 3 as x) t)", "3"),
            ("(select {{ dbt.listagg('x', \"','\") }} from (select 'q' as x) t)", "q"),
            ("(select {{ dfx.bool_or('x = 1') }} from (select 1 as x) t) = {{ dbt.cast('1', dbt.type_boolean()) }}", "TRUE"),
        ]
    }

    func compile(type: String, extraProfile: String) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-xdb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        try "name: xdb\nprofile: xdb\n".write(toFile: root + "/dfx_project.yml", atomically: true, encoding: .utf8)
        try "xdb:\n  target: t\n  outputs:\n    t: {type: \(type), schema: main\(extraProfile)}\n"
            .write(toFile: root + "/profiles.yml", atomically: true, encoding: .utf8)
        for (index, (expression, _)) in cases.enumerated() {
            try "select \(expression) as v\n".write(toFile: root + "/models/m\(index).sql", atomically: true, encoding: .utf8)
        }
        let out = OutputBuffer()
        let console = Console(useColor: false, writeOut: { out.append($0) }, writeErr: { out.append($0) })
        let status = DFXCLI.run(["compile"], context: CommandContext(console: console, environment: ["HOME": root], workingDirectory: root))
        XCTAssertEqual(status, 0, out.text)
        return try cases.indices.map { index in
            try String(contentsOfFile: root + "/target/compiled/xdb/models/m\(index).sql", encoding: .utf8)
        }
    }

    /// Normalises the spellings the two databases give the same value (`2.0`/`2`, `t`/`1`).
    func normalise(_ text: String?) -> String {
        guard let text else { return "NULL" }
        if let number = Double(text), number == number.rounded(), !text.contains("-") || text.hasPrefix("-") { return String(Int(number)) }
        return text
    }

    func testSameAnswersOnSQLite() throws {
        let compiled = try compile(type: "sqlite", extraProfile: ", database: target/x.db")
        let connection = try SQLiteConnection(path: ":memory:")
        for ((expression, expected), sql) in zip(cases, compiled) {
            let value = try connection.query(sql).first?.first ?? nil
            let text = expected == "TRUE" ? (value == "1" ? "TRUE" : value ?? "NULL") : normalise(value)
            XCTAssertEqual(text, expected, "\(expression)\n\(sql)")
        }
    }

    func testSameAnswersOnPostgres() throws {
        let url = try TestDatabase.postgresURL()
        let compiled = try compile(type: "postgres", extraProfile: ", url: \"\(url)\"")
        let connection = try PostgresConnection(parameters: ["dbname": url])
        for ((expression, expected), sql) in zip(cases, compiled) {
            let value = try connection.query(sql).first?.first ?? nil
            let text = expected == "TRUE" ? (value == "t" ? "TRUE" : value ?? "NULL") : normalise(value)
            XCTAssertEqual(text, expected, "\(expression)\n\(sql)")
        }
    }
}
