import DFXBasics
import DFXCompiler
import DFXSQL
import DFXSeed
import Foundation

extension ProjectRunner {
    /// Builds one node on `worker`'s connection; never throws: a failure is an error result.
    func execute(_ id: String, worker: Int) -> NodeResult {
        let started = Date().timeIntervalSince1970
        let clock = ContinuousClock()
        let start = clock.now
        let node = manifest.node(id)
        var result = NodeResult(
            uniqueID: id, status: .error, message: "", label: label(for: node), threadID: "Thread-\(worker + 1)", startedAt: started)
        let log = StatementLog()
        var timeout: Int?
        do {
            guard let node else { throw MaterializationError("unknown node \(id)") }
            guard !registry.isCancelled else { throw MaterializationError("cancelled before it started") }
            let connection = try pool.connection(for: worker)
            let materializer = Materializer(
                connection: connection, suffix: options.relationSuffix, managedRelations: managed, log: log,
                dependentsLock: dependentsLock)
            let relation = Self.relation(of: node)
            try ensureSchema(relation, materializer)
            timeout = try statementTimeout(node)
            let hooks = try NodeHooks(node: node, manifest: manifest, dialect: dialect, relation: relation)
            let (message, rows, code) = try registry.whileRegistered(connection.makeCanceller()) {
                try connection.withStatementTimeout(milliseconds: timeout) {
                    for hook in hooks.pre { try materializer.execute(hook) }
                    let built = try build(node, relation: relation, materializer: materializer)
                    for hook in hooks.post { try materializer.execute(hook) }
                    return built
                }
            }
            result.status = .success
            result.message = message
            result.rowsAffected = rows
            result.compiledCode = code
        } catch let error as DiagnosticError {
            result.message = error.diagnostics.map(\.description).joined(separator: "\n")
        } catch {
            var failure = MaterializationError.wrapping(error)
            // SQLite reports an interrupted statement; say why, as PostgreSQL does.
            if let timeout, dialect.kind == .sqlite, !registry.isCancelled, failure.database?.code == "9" {
                failure.database?.message = "canceling statement due to statement timeout (\(timeout) ms)"
            }
            let file = node.map { $0.originalFilePath + ": " } ?? ""
            result.message = file + failure.description
        }
        let elapsed = clock.now - start
        result.executionTime = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        result.completedAt = Date().timeIntervalSince1970
        result.executedSQL = log.statements.isEmpty ? nil : log.text
        return result
    }

    /// The node's `statement_timeout` config in milliseconds (nil: none).
    func statementTimeout(_ node: Node) throws -> Int? {
        guard let value = node.config["statement_timeout"] else { return nil }
        guard let text = value.scalarText, let milliseconds = Int(text), milliseconds >= 0 else {
            throw MaterializationError(
                "statement_timeout must be a whole number of milliseconds", hint: "write e.g. statement_timeout: 60000")
        }
        return milliseconds == 0 ? nil : milliseconds
    }

    /// Creates the relation's schema once per run (PostgreSQL; nothing on SQLite).
    func ensureSchema(_ relation: RelationName, _ materializer: Materializer) throws {
        guard dialect.hasSchemas, let schema = relation.schema else { return }
        schemaLock.lock()
        defer { schemaLock.unlock() }
        guard !createdSchemas.contains(schema) else { return }
        try materializer.createSchema(relation)
        createdSchemas.insert(schema)
    }

    /// The work of one node: returns its message, rows affected and compiled SQL.
    func build(_ node: Node, relation: RelationName, materializer: Materializer) throws -> (String, Int?, String?) {
        if node.resourceType == .seed {
            let seed = try loadSeedFile(node)
            let extras = try RelationExtras.statements(for: node, relation: relation, type: .table)
            let rows = try materializer.loadSeed(relation, seed: seed, extras: extras)
            return ("INSERT \(rows)", rows, nil)
        }
        let extras = try RelationExtras.statements(for: node, relation: relation, type: node.materialized == "view" ? .view : .table)
        switch node.materialized {
        case "view":
            let sql = try compiled(node, incremental: false)
            try materializer.buildView(relation, select: sql, extras: extras)
            return ("created view \(relation)", nil, sql)
        case "table":
            let sql = try compiled(node, incremental: false)
            let rows = try materializer.buildTable(relation, select: sql, extras: extras)
            return ("created table \(relation)", rows, sql)
        case "incremental":
            let settings = try IncrementalSettings(config: node.config)
            let existing = try materializer.relationType(relation)
            if existing == .table && !options.fullRefresh {
                let sql = try compiled(node, incremental: true)
                let rows = try materializer.applyIncremental(relation, select: sql, settings: settings, extras: extras)
                return ("\(settings.strategy.rawValue) \(rows) rows into \(relation)", rows, sql)
            }
            let sql = try compiled(node, incremental: false)
            let rows = try materializer.buildTable(relation, select: sql, extras: extras)
            return ("created incremental table \(relation)", rows, sql)
        default:
            throw MaterializationError(
                "materialization '\(node.materialized)' is not supported by dfx run yet", hint: "use view, table, incremental or ephemeral")
        }
    }

    func compiled(_ node: Node, incremental: Bool) throws(DiagnosticError) -> String {
        let output = try compiler.compile([node.uniqueID], incremental: incremental ? [node.uniqueID] : [])
        guard let sql = output[node.uniqueID] else {
            throw DiagnosticError(Diagnostic(.error, "model \(node.name) rendered no SQL", at: node.location))
        }
        return sql
    }

    /// The seed's CSV read with its `column_types` and `delimiter` configs.
    func loadSeedFile(_ node: Node) throws -> SeedTable {
        guard let path = node.seedFilePath else { throw MaterializationError("seed \(node.name) has no file") }
        var options = SeedOptions()
        if let delimiter = node.config["delimiter"]?.scalarText, !delimiter.isEmpty {
            options.delimiter = try SeedOptions.delimiter(from: delimiter, at: node.location)
        }
        if let types = node.config["column_types"]?.dictValue {
            for (name, value) in types { if let text = value.scalarText { options.columnTypes[name] = text } }
        }
        let seed = try SeedTable(contentsOf: path, path: node.originalFilePath, options: options)
        let errors = seed.diagnostics(for: dialect).filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return seed
    }
}
