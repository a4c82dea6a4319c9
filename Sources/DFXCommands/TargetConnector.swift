import DFXBasics
import DFXPostgres
import DFXProject
import DFXSQL
import DFXSQLite

/// Opens connections to a profile's target.
enum TargetConnector {
    /// libpq parameters for a postgres target: every profile field dbt knows, a connection
    /// string or URI under `url`/`dsn`/`connection_string` (expanded by libpq), and libpq's `PG*`
    /// environment variables for whatever is left out.
    static func postgresParameters(_ target: TargetSettings) -> [String: String] {
        var parameters: [String: String] = [:]
        let renames: [(String, String)] = [
            ("host", "host"), ("hostaddr", "hostaddr"), ("port", "port"), ("user", "user"), ("password", "password"),
            ("pass", "password"), ("dbname", "dbname"), ("database", "dbname"), ("sslmode", "sslmode"),
            ("sslcert", "sslcert"), ("sslkey", "sslkey"), ("sslrootcert", "sslrootcert"), ("connect_timeout", "connect_timeout"),
            ("keepalives_idle", "keepalives_idle"), ("keepalives", "keepalives"), ("application_name", "application_name"),
            ("target_session_attrs", "target_session_attrs"),
        ]
        for (field, keyword) in renames {
            if let value = target.string(field), !value.isEmpty, parameters[keyword] == nil { parameters[keyword] = value }
        }
        for key in ["url", "dsn", "connection_string"] {
            if let value = target.string(key), !value.isEmpty { parameters["dbname"] = value }
        }
        if parameters["connect_timeout"] == nil { parameters["connect_timeout"] = "10" }
        var options: [String] = []
        if let searchPath = target.string("search_path"), !searchPath.isEmpty {
            options.append("-c search_path=" + searchPath.replacing(" ", with: "\\ "))
        }
        if let role = target.string("role"), !role.isEmpty { options.append("-c role=" + role.replacing(" ", with: "\\ ")) }
        if !options.isEmpty { parameters["options"] = options.joined(separator: " ") }
        return parameters
    }

    /// Connects and runs a trivial query; returns a one-line description of the server.
    static func check(_ target: TargetSettings) throws(DatabaseError) -> String {
        switch SQLDialect(targetType: target.type)?.kind {
        case .sqlite?:
            let connection = try SQLiteConnection(path: target.database)
            try connection.query("select 1")
            return "SQLite \(SQLiteConnection.libraryVersion) at \(target.database)"
        default:
            let connection = try PostgresConnection(parameters: postgresParameters(target))
            let rows = try connection.query("select current_database(), current_user, version()")
            let row = rows.first ?? []
            let database = row.first.flatMap { $0 } ?? "?"
            let user = row.count > 1 ? row[1] ?? "?" : "?"
            return "PostgreSQL \(connection.serverVersion / 10000).\(connection.serverVersion % 10000), database \(database) as \(user)"
        }
    }
}
