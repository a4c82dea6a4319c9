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
            let materializer = Materializer(connection: connection, suffix: options.relationSuffix, managedRelations: managed, log: log)
            let relation = Self.relation(of: node)
            // A test creates its audit schema only when it stores failures.
            if node.resourceType != .test { try ensureSchema(relation, materializer) }
            timeout = try statementTimeout(node)
            let hooks = try NodeHooks(node: node, manifest: manifest, dialect: dialect, relation: relation)
            let work = try registry.whileRegistered(connection.makeCanceller()) {
                try connection.withStatementTimeout(milliseconds: timeout) {
                    for hook in hooks.pre { try materializer.execute(hook) }
                    let built = try build(node, relation: relation, materializer: materializer)
                    for hook in hooks.post { try materializer.execute(hook) }
                    return built
                }
            }
            result.status = work.status
            result.message = work.message
            result.rowsAffected = work.rows
            result.rowCount = work.rowCount
            result.measuredRelation = work.measuredRelation
            result.compiledCode = work.code
            result.failures = work.failures
            result.summary = work.summary
            result.sample = work.sample
            result.relationName = work.relationName
        } catch let error as DiagnosticError {
            result.message = error.diagnostics.map(\.description).joined(separator: "\n")
        } catch {
            var failure = MaterializationError.wrapping(error)
            // SQLite reports an interrupted statement; say why, as PostgreSQL does.
            if let timeout, dialect.kind == .sqlite, !registry.isCancelled, failure.database?.code == "9" {
                failure.database?.message = "canceling statement due to statement timeout (\(timeout) ms)"
            }
            if let node, node.resourceType == .test, node.testMetadata != nil {
                // A generic test's errors point at its declaration in the YAML.
                result.message = "\(node.location): " + failure.description
            } else if let node, let database = failure.database, let sql = log.modelSQL,
                let diagnostic = ModelErrorLocator(
                    node: node, compiledSQL: sql, runPath: options.targetPath + "/" + node.runArtifactPath
                ).diagnostic(for: database)
            {
                result.message = diagnostic.description
            } else {
                let file = node.map { $0.originalFilePath + ": " } ?? ""
                result.message = file + failure.description
            }
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

    /// The work of one node, by its kind: the one place a new kind of node (snapshots) is added,
    /// with `ProjectRunner.runnableTypes`.
    func build(_ node: Node, relation: RelationName, materializer: Materializer) throws -> NodeWork {
        switch node.resourceType {
        case .seed:
            let seed = try loadSeedFile(node)
            let extras = try RelationExtras.statements(for: node, relation: relation, type: .table)
            let rows = try materializer.loadSeed(relation, seed: seed, extras: extras)
            return NodeWork(message: "INSERT \(rows)", rows: rows, rowCount: rows)
        case .model:
            return try buildModel(node, relation: relation, materializer: materializer)
        case .snapshot:
            return try buildSCD2(node, relation: relation, materializer: materializer)
        case .test:
            return try runTest(node, materializer: materializer)
        default:
            throw MaterializationError("dfx cannot build a \(node.resourceType.rawValue) yet")
        }
    }

    /// A model, by its materialization: its message, rows affected, compiled SQL and the relation's
    /// row count when the build created every row.
    func buildModel(_ node: Node, relation: RelationName, materializer: Materializer) throws -> NodeWork {
        let extras = try RelationExtras.statements(for: node, relation: relation, type: node.materialized == "view" ? .view : .table)
        switch node.materialized {
        case "view":
            let sql = try compiled(node, incremental: false, materializer: materializer)
            try materializer.buildView(relation, select: sql, extras: extras)
            return NodeWork(message: "created view \(relation)", code: sql)
        case "table":
            let sql = try compiled(node, incremental: false, materializer: materializer)
            let rows = try materializer.buildTable(relation, select: sql, extras: extras)
            return NodeWork(message: "created table \(relation)", rows: rows, code: sql, rowCount: rows)
        case "incremental":
            let settings = try IncrementalSettings(config: node.config)
            let existing = try materializer.relationType(relation)
            if existing == .table && !options.fullRefresh {
                let sql = try compiled(node, incremental: true, materializer: materializer)
                let rows = try materializer.applyIncremental(relation, select: sql, settings: settings, extras: extras)
                return NodeWork(message: "\(settings.strategy.rawValue) \(rows) rows into \(relation)", rows: rows, code: sql)
            }
            let sql = try compiled(node, incremental: false, materializer: materializer)
            let rows = try materializer.buildTable(relation, select: sql, extras: extras)
            return NodeWork(message: "created incremental table \(relation)", rows: rows, code: sql, rowCount: rows)
        case "scd2":
            return try buildSCD2(node, relation: relation, materializer: materializer)
        default:
            throw MaterializationError(
                "materialization '\(node.materialized)' is not supported by dfx run yet", hint: "use view, table, incremental, scd2 or ephemeral")
        }
    }

    /// The node's SQL with ephemeral CTEs inlined, rendered with the worker's connection for
    /// `run_query()`, and recorded in the materializer's log for error mapping.
    func compiled(_ node: Node, incremental: Bool, materializer: Materializer) throws(DiagnosticError) -> String {
        let log = materializer.log
        let output = try compiler.compile(
            [node.uniqueID], incremental: incremental ? [node.uniqueID] : [],
            database: TemplateDatabase(connection: materializer.connection))
        guard let sql = output[node.uniqueID] else {
            throw DiagnosticError(Diagnostic(.error, "model \(node.name) rendered no SQL", at: node.location))
        }
        log.modelSQL = sql
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
