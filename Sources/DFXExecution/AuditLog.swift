import DFXCompiler
import DFXProject
import DFXSQL

/// The run audit log: each execution command records itself in `<schema>.dfx_invocations` and
/// each node's outcome in `<schema>.dfx_node_runs`, in the warehouse it ran on, so that later runs
/// and tests can read history (row-count drift) and people can query it.
///
/// The tables are created (and columns added by newer dfx versions) on first use; everything is
/// written in one transaction under an advisory lock on PostgreSQL, after the nodes ran, with values
/// bound (PostgreSQL `COPY`, SQLite prepared inserts). Timestamps are UTC (`timestamptz` on
/// PostgreSQL, ISO 8601 text on SQLite).
public struct AuditLog {
    public let schema: String
    let dialect: SQLDialect

    public init(schema: String, dialect: SQLDialect) {
        self.schema = schema
        self.dialect = dialect
    }

    /// One invocation, as `dfx_invocations` records it.
    public struct Invocation: Sendable {
        public var id: String
        /// `run`, `seed`, `snapshot`, `test`, `build`.
        public var command: String
        public var project: String
        public var targetName: String
        public var targetSchema: String
        public var dfxVersion: String
        /// Unix seconds.
        public var startedAt: Double
        public var completedAt: Double
        /// `success`, `error` or `interrupted`.
        public var status: String
        /// The command line's selection and flags, as text.
        public var arguments: String

        public init(
            id: String, command: String, project: String, targetName: String, targetSchema: String, dfxVersion: String,
            startedAt: Double, completedAt: Double, status: String, arguments: String
        ) {
            self.id = id
            self.command = command
            self.project = project
            self.targetName = targetName
            self.targetSchema = targetSchema
            self.dfxVersion = dfxVersion
            self.startedAt = startedAt
            self.completedAt = completedAt
            self.status = status
            self.arguments = arguments
        }
    }

    public var invocations: RelationName { RelationName(schema: schema, name: "dfx_invocations") }
    public var nodeRuns: RelationName { RelationName(schema: schema, name: "dfx_node_runs") }

    var invocationColumns: [RelationColumn] {
        [
            column("invocation_id", .text), column("command", .text), column("project", .text), column("target_name", .text),
            column("target_schema", .text), column("dfx_version", .text), column("started_at", .timestamp),
            column("completed_at", .timestamp), column("status", .text), column("nodes", .integer), column("errors", .integer),
            column("arguments", .text),
        ]
    }

    var nodeRunColumns: [RelationColumn] {
        [
            column("invocation_id", .text), column("unique_id", .text), column("resource_type", .text),
            column("relation_name", .text), column("status", .text), column("started_at", .timestamp),
            column("completed_at", .timestamp), column("execution_time", .real), column("rows_affected", .integer),
            column("row_count", .integer), column("failures", .integer), column("message", .text),
        ]
    }

    enum ColumnKind { case text, timestamp, integer, real }

    func column(_ name: String, _ kind: ColumnKind) -> RelationColumn {
        let postgres = dialect.kind == .postgres
        let type: String
        switch kind {
        case .text: type = "text"
        case .timestamp: type = postgres ? "timestamptz" : "text"
        case .integer: type = postgres ? "bigint" : "integer"
        case .real: type = postgres ? "double precision" : "real"
        }
        return RelationColumn(name: name, dataType: type)
    }

    /// Writes `invocation` and one row per result (hooks included) on `connection`.
    public func record(
        _ invocation: Invocation, results: [NodeResult], manifest: Manifest, on connection: any WarehouseConnection
    ) throws {
        let materializer = Materializer(connection: connection, suffix: "audit", managedRelations: [])
        try connection.transaction {
            try materializer.run(AdvisoryLockStatement(relation: invocations))
            try materializer.createSchema(invocations)
            try ensure(invocations, columns: invocationColumns, materializer)
            try ensure(nodeRuns, columns: nodeRunColumns, materializer)
            try materializer.run(
                CreateIndexStatement(name: "dfx_node_runs_relation_idx", relation: nodeRuns, columns: ["relation_name", "completed_at"]))
            let errors = results.filter(\.isFailure).count
            let row: [SQLValue] = [
                .text(invocation.id), .text(invocation.command), .text(invocation.project), .text(invocation.targetName),
                .text(invocation.targetSchema), .text(invocation.dfxVersion), timestamp(invocation.startedAt),
                timestamp(invocation.completedAt), .text(invocation.status), .int(Int64(results.count)), .int(Int64(errors)),
                .text(invocation.arguments),
            ]
            try connection.loadRows(into: invocations.rendered(dialect), columns: invocationColumns.map(\.name), rows: [row])
            let rows = results.map { result -> [SQLValue] in
                let node = manifest.node(result.uniqueID)
                let relation = result.measuredRelation ?? node.flatMap { $0.resourceType == .test ? nil : ProjectRunner.relation(of: $0).flatName }
                return [
                    .text(invocation.id), .text(result.uniqueID), .text(node?.resourceType.rawValue ?? "operation"),
                    relation.map(SQLValue.text) ?? .null, .text(result.status.rawValue), timestamp(result.startedAt),
                    timestamp(result.completedAt), .double(result.executionTime), result.rowsAffected.map { .int(Int64($0)) } ?? .null,
                    result.rowCount.map { .int(Int64($0)) } ?? .null, result.failures.map { .int(Int64($0)) } ?? .null, .text(result.message),
                ]
            }
            try connection.loadRows(into: nodeRuns.rendered(dialect), columns: nodeRunColumns.map(\.name), rows: rows)
        }
    }

    /// The row count recorded by the latest successful run of the relation `flatName`
    /// (`schema.name`) before `invocation`, or nil when none is recorded. A `row_count_drift`
    /// test's measurement counts whatever the test's verdict: the model it measured was built (or
    /// left as it was), so a change it flagged once becomes the next baseline.
    public func lastRowCount(of flatName: String, before invocation: String? = nil, on connection: any WarehouseConnection) throws -> Int? {
        var sql = "select row_count from " + nodeRuns.rendered(dialect) + " where relation_name = " + dialect.placeholder(1)
            + " and row_count is not null and (status in ('success', 'pass') or resource_type = 'test')"
        var parameters: [SQLValue] = [.text(flatName)]
        if let invocation {
            sql += " and invocation_id <> " + dialect.placeholder(2)
            parameters.append(.text(invocation))
        }
        sql += " order by completed_at desc limit 1"
        let result = try connection.query(sql, parameters: parameters)
        guard let value = result.rows.first?.first, let text = value.text else { return nil }
        return Int(text)
    }

    /// Creates `relation` with `columns`, or adds the columns an older dfx did not create.
    func ensure(_ relation: RelationName, columns: [RelationColumn], _ materializer: Materializer) throws {
        guard try materializer.relationType(relation) != nil else {
            try materializer.run(CreateTableStatement(relation: relation, columns: columns, ifNotExists: true))
            return
        }
        let existing = Set(try materializer.columns(relation).map { $0.name.lowercased() })
        for column in columns where !existing.contains(column.name) {
            try materializer.run(AddColumnStatement(relation: relation, column: column.name, dataType: column.dataType))
        }
    }

    func timestamp(_ unixSeconds: Double) -> SQLValue {
        // PostgreSQL parses the ISO text into timestamptz; SQLite keeps it as text that sorts in time order.
        .text(TimestampValue(unixSeconds: unixSeconds).iso8601)
    }
}
