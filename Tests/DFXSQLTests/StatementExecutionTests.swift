import DFXTestSupport
import DFXPostgres
import DFXSQL
import DFXSQLite
import XCTest

/// Every golden statement executed on real databases (see `StatementScenario`).
final class StatementExecutionTests: XCTestCase {
    func testEveryGoldenStatementRunsOnPostgreSQL() throws {
        let connection = try PostgresConnection(parameters: ["dbname": try TestDatabase.postgresURL()])
        let schema = TestDatabase.uniqueName("dfx_sqlgen")
        let role = TestDatabase.uniqueName("dfx_reader")
        let dialect = SQLDialect.postgres
        try connection.query("create role " + dialect.quoteIdentifier(role))
        defer {
            _ = try? connection.query("rollback")
            _ = try? connection.query("drop schema if exists " + dialect.quoteIdentifier(schema) + " cascade")
            _ = try? connection.query("drop role if exists " + dialect.quoteIdentifier(role))
        }
        var scenario = StatementScenario(catalog: StatementCatalog(schema: schema, role: role, dialect: dialect)) { sql in
            try connection.query(sql)
        }
        try scenario.exercise()
    }

    func testEveryGoldenStatementRunsOnSQLite() throws {
        let folder = try TestDatabase.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let connection = try SQLiteConnection(path: folder + "/dfx.sqlite")
        var scenario = StatementScenario(catalog: StatementCatalog(schema: "analytics", role: "reporter", dialect: .sqlite)) { sql in
            try connection.query(sql)
        }
        scenario.executeBound = { sql, values in _ = try connection.execute(sql, parameters: values) }
        try scenario.exercise()
    }
}
