import DFXSQL
import Foundation
import XCTest

/// Golden SQL for every statement kind on both dialects (`RECORD_SNAPSHOTS=1` re-records them).
final class GoldenStatementTests: XCTestCase {
    static let dialects: [SQLDialect] = [.postgres, .sqlite]

    /// A dialect that quotes identifiers with backticks: a token that bypasses
    /// `quoteIdentifier` keeps its double quotes here and shows up in the comparison.
    static func odd(_ kind: SQLDialect.Kind) -> SQLDialect {
        SQLDialect(kind: kind, identifierQuote: "`", maxIdentifierBytes: nil, hasSchemas: kind == .postgres)
    }

    static func text(of statements: [String], dialect: SQLDialect) -> String {
        if statements.isEmpty { return "-- renders no statement on \(dialect.kind.rawValue)\n" }
        return statements.map { $0 + ";\n" }.joined(separator: "\n")
    }

    func testEveryStatementMatchesItsGoldenFile() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for dialect in Self.dialects {
            let catalog = StatementCatalog(schema: "analytics", role: "reporter", dialect: dialect)
            for item in catalog.cases {
                let file = "\(item.name).\(dialect.kind.rawValue)"
                let actual = Self.text(of: try item.statement.render(dialect), dialect: dialect)
                if record {
                    try actual.write(to: folder.appendingPathComponent(file + ".sql"), atomically: true, encoding: .utf8)
                    continue
                }
                guard let url = Bundle.module.url(forResource: file, withExtension: "sql", subdirectory: "Golden") else {
                    XCTFail("missing golden file Golden/\(file).sql: run with RECORD_SNAPSHOTS=1")
                    continue
                }
                let expected = try String(contentsOf: url, encoding: .utf8)
                XCTAssertEqual(actual, expected, "Golden/\(file).sql differs")
            }
        }
    }

    func testNoTokenBypassesTheDialectsIdentifierQuote() throws {
        for dialect in Self.dialects {
            let oddDialect = Self.odd(dialect.kind)
            // Names without double quotes, so that every double quote left is a bypassed token.
            let normal = StatementCatalog(schema: "analytics", role: "reporter", dialect: dialect, oddName: "o'name", oddColumn: "a b")
            let odd = StatementCatalog(schema: "analytics", role: "reporter", dialect: oddDialect, oddName: "o'name", oddColumn: "a b")
            for (plain, strange) in zip(normal.cases, odd.cases) {
                // SQLite's dependency search looks for all three quote styles on purpose.
                if dialect.kind == .sqlite && ["list_dependent_views", "has_dependent_views"].contains(plain.name) { continue }
                let expected = try plain.statement.render(dialect).joined(separator: "\n")
                let oddText = try strange.statement.render(oddDialect).joined(separator: "\n")
                XCTAssertFalse(oddText.contains("\""), "\(plain.name) on \(dialect.kind) bypasses the dialect: \(oddText)")
                XCTAssertEqual(oddText.replacingOccurrences(of: "`", with: "\""), expected, "\(plain.name) on \(dialect.kind)")
            }
        }
    }

    func testNoGoldenFileIsStale() throws {
        guard let folder = Bundle.module.url(forResource: "Golden", withExtension: nil) else {
            return XCTFail("no Golden folder in the test bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
        var expected: Set<String> = []
        for dialect in Self.dialects {
            for item in StatementCatalog(schema: "analytics", role: "reporter", dialect: dialect).cases {
                expected.insert("\(item.name).\(dialect.kind.rawValue).sql")
            }
        }
        XCTAssertEqual(Set(files), expected)
    }

    func testEveryStatementKindHasAGoldenCase() {
        let kinds = Set(StatementCatalog(schema: "s", role: "r", dialect: .postgres).cases.map { String(describing: type(of: $0.statement)) })
        let expected: Set<String> = [
            "CreateSchemaStatement", "CreateViewStatement", "CreateTableAsStatement", "DropRelationStatement",
            "RenameRelationStatement", "TransactionStatement", "InsertSelectStatement", "DeleteInsertStatement",
            "MergeStatement", "AddColumnStatement", "DropColumnStatement", "CommentStatement", "GrantStatement",
            "CreateIndexStatement", "AdvisoryLockStatement", "LockRelationStatement", "ListColumnsQuery", "ListDependentViewsQuery",
            "RelationTypeQuery", "CreateTableStatement", "AlterColumnTypeStatement", "RevokeStatement", "ListGrantsQuery",
            "InsertValuesStatement", "HasDependentViewsQuery", "SCD2StageStatement", "SCD2KeyCheckQuery", "SCD2CreateStatement", "SCD2ChangesStatement", "SCD2ReopenStatement",
            "SCD2CloseStatement", "SCD2InsertStatement", "TestResultQuery", "SampleRowsQuery", "FreshnessQuery", "RowCountQuery",
        ]
        XCTAssertEqual(kinds, expected)
    }
}
