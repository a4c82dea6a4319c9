import DFXPostgres
import DFXProject
import DFXSQL
import DFXSQLite
import Foundation

/// Opens warehouse connections for a profile's target: PostgreSQL from the profile's parameters,
/// SQLite from `database` (a relative path is taken from the project root; its folder is created).
struct ConnectionFactory: Sendable {
    let target: TargetSettings
    let projectRoot: String

    var dialect: SQLDialect { SQLDialect(targetType: target.type) ?? .postgres }

    func open() throws -> any WarehouseConnection {
        switch dialect.kind {
        case .sqlite:
            let path = target.database.hasPrefix("/") || target.database == ":memory:"
                ? target.database : projectRoot + "/" + target.database
            // The default database lives under target/, which a fresh project does not have yet.
            if let slash = path.lastIndex(of: "/"), path != ":memory:" {
                try? FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true)
            }
            return try SQLiteConnection(path: path)
        case .postgres:
            return try PostgresConnection(parameters: TargetConnector.postgresParameters(target))
        }
    }
}
