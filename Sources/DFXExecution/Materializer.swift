import DFXSQL
import Foundation

/// Builds relations on one connection: views, tables, incremental tables and seeds, each replaced
/// atomically (see `swap(into:from:type:viewSelect:)`).
///
/// A materializer belongs to one worker; it is created per node and holds no state across nodes
/// besides the connection.
public struct Materializer {
    public let connection: any WarehouseConnection
    /// Appended to intermediate relation names (`<alias>__dfx_tmp_<suffix>`): unique per invocation.
    public let suffix: String
    /// Flat names (`schema.name`) of the relations dfx builds in this project: dependent views among
    /// them are recreated after a swap; any other dependent view makes the swap refuse.
    public let managedRelations: Set<String>
    /// What ran, for the run artifacts.
    public let log: StatementLog
    public init(connection: any WarehouseConnection, suffix: String, managedRelations: Set<String>, log: StatementLog = StatementLog()) {
        self.connection = connection
        self.suffix = suffix
        self.managedRelations = managedRelations
        self.log = log
    }

    var dialect: SQLDialect { connection.dialect }

    /// Runs every text of `statement`; returns the rows changed by the last one.
    @discardableResult
    func run(_ statement: any SQLStatement) throws -> Int {
        var changed = 0
        for sql in try statement.render(dialect) { changed = try execute(sql) }
        return changed
    }

    /// Runs `sql` and records it.
    @discardableResult
    func execute(_ sql: String) throws(DatabaseError) -> Int {
        log.record(sql)
        return try connection.execute(sql)
    }

    /// `connection.transaction(body)`, with its boundaries recorded in the log (`begin`/`commit`,
    /// or a savepoint inside an open transaction), so `target/run/` shows what ran atomically.
    @discardableResult
    func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        let nested = connection.isInTransaction
        log.record(nested ? "savepoint dfx_nested" : "begin")
        do {
            let result = try connection.transaction(body)
            log.record(nested ? "release savepoint dfx_nested" : "commit")
            return result
        } catch {
            log.record(nested ? "rollback to savepoint dfx_nested" : "rollback")
            throw error
        }
    }

    /// Runs a query and records it; the result of its last text.
    func fetch(_ statement: any SQLStatement) throws -> QueryResult {
        var result = QueryResult()
        for sql in try statement.render(dialect) {
            log.record(sql)
            result = try connection.fetch(sql)
        }
        return result
    }

    /// The texts of `statements`, rendered for this connection.
    func texts(_ statements: [any SQLStatement]) throws -> [String] {
        var texts: [String] = []
        for statement in statements { texts += try statement.render(dialect) }
        return texts
    }

    /// Runs `texts` (dfx's own statements, never a model's SQL, whose error positions must stay
    /// its own) as one message: one round trip instead of one each. Each is recorded.
    func runBatch(_ texts: [String]) throws {
        guard !texts.isEmpty else { return }
        for sql in texts { log.record(sql) }
        try connection.execute(texts.joined(separator: ";\n"))
    }

    /// `prefix` (recorded) then the introspection `query`, in one message; the query's rows.
    func rows(after prefix: [String], _ query: any SQLStatement) throws -> [[String?]] {
        for sql in prefix { log.record(sql) }
        let queries = try query.render(dialect)
        return try connection.fetch((prefix + queries).joined(separator: ";\n")).textRows
    }

    /// The rows of an introspection query, as text.
    func rows(_ statement: any SQLStatement) throws -> [[String?]] {
        var rows: [[String?]] = []
        for sql in try statement.render(dialect) { rows = try connection.fetch(sql).textRows }
        return rows
    }

    /// What `relation` is now, or nil when nothing has its name.
    public func relationType(_ relation: RelationName) throws -> RelationType? {
        RelationTypeQuery.decode(try rows(RelationTypeQuery(relation: relation)))
    }

    /// The columns of `relation`, in order.
    func columns(_ relation: RelationName) throws -> [RelationColumn] {
        ListColumnsQuery.decode(try rows(ListColumnsQuery(relation: relation)))
    }

    /// `relation` renamed with `marker` and the invocation suffix, kept within the dialect's
    /// identifier length. The suffix is unique to the invocation and every intermediate is dropped
    /// when its node fails, so none is there before it is created (no round trip to check).
    func intermediate(_ relation: RelationName, _ marker: String) -> RelationName {
        let tail = "__dfx_" + marker + "_" + suffix
        var base = relation.name
        if let limit = dialect.maxIdentifierBytes {
            while !base.isEmpty, base.utf8.count + tail.utf8.count > limit { base.removeLast() }
        }
        return relation.renamed(base + tail)
    }

    /// Drops `relation` whatever it is, ignoring failures: cleanup after an error.
    func dropQuietly(_ relation: RelationName) {
        guard let type = try? relationType(relation) else { return }
        if connection.isInTransaction { try? connection.rollback() }
        _ = try? run(DropRelationStatement(relation: relation, type: type))
    }

    /// Creates `schema` when the dialect has schemas.
    public func createSchema(_ relation: RelationName) throws {
        guard let schema = relation.schema, !schema.isEmpty else { return }
        try run(CreateSchemaStatement(database: relation.database, schema: schema))
    }
}
