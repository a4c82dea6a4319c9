import DFXBasics
import DFXCompiler
import DFXSQL
import Foundation

extension ProjectRunner {
    /// How many failing rows a failing test shows.
    static let sampleSize = 5

    /// Runs a data test as dbt does: its SQL (stored first as the audit relation with
    /// `store_failures`) wrapped in the counting query (`TestResultQuery`), read with
    /// `TestVerdict`; a failing or warning test also fetches its first rows.
    ///
    /// When the database refuses the test's SQL, the tested columns are looked up: a column the
    /// relation does not have is reported at the test's line in the YAML (nothing is looked up
    /// while tests run well).
    func runTest(_ node: Node, materializer: Materializer) throws -> NodeWork {
        let settings = try TestSettings(config: node.config, storeFailures: options.storeFailures)
        let attached = node.attachedNode.flatMap(manifest.node)
        do {
            return try evaluate(node, settings: settings, attached: attached, materializer: materializer)
        } catch {
            let refused = error is DatabaseError || (error as? MaterializationError)?.database != nil
            if refused, let attached { try checkTestedColumns(node, attached: attached, materializer: materializer) }
            throw error
        }
    }

    func evaluate(_ node: Node, settings: TestSettings, attached: Node?, materializer: Materializer) throws -> NodeWork {
        var drift: RowCountDrift?
        let sql: String
        if let metadata = node.testMetadata, metadata.name == "row_count_drift", [nil, "dfx", "dbt"].contains(metadata.namespace) {
            let measured = try measureDrift(node, attached: attached, materializer: materializer)
            drift = measured
            sql = try compiler.renderGenericTest(
                node, extraArguments: measured.previous.map { ["previous_row_count": .int($0)] } ?? [:])
        } else {
            sql = try compiled(node, incremental: false, materializer: materializer)
        }
        var work = NodeWork(message: "", code: sql)
        if let drift {
            // Recorded in the audit log as this run's count of the model: the next run's baseline.
            work.rowCount = drift.current
            work.measuredRelation = drift.relation.flatName
        }
        var main = sql
        if let kind = settings.storeFailuresAs {
            let relation = Self.relation(of: node)
            try ensureSchema(relation, materializer)
            if kind == .view {
                try materializer.buildView(relation, select: sql)
            } else {
                try materializer.buildTable(relation, select: sql)
            }
            main = "select * from " + relation.rendered(dialect)
            work.relationName = relation.rendered(dialect)
        }
        let query = TestResultQuery(
            select: main, failCalc: settings.failCalc, warnIf: settings.warnIf.sql, errorIf: settings.errorIf.sql,
            limit: settings.limit)
        let counts = TestResultQuery.decode(try materializer.fetch(query).textRows)
        let verdict = TestVerdict(
            failures: counts.failures, shouldWarn: counts.shouldWarn, shouldError: counts.shouldError, settings: settings,
            warnError: options.warnError)
        work.status = verdict.status
        work.failures = verdict.failures
        work.message = verdict.message
        if let drift, drift.previous == nil {
            work.message = "no earlier row count of \(drift.relation) in the audit log; \(drift.current) rows recorded as the baseline"
        }
        if verdict.status != .pass {
            work.summary = drift?.sentence(node) ?? TestDescription.sentence(for: node, attached: attached, failures: counts.failures)
            // The sample is a courtesy: if it cannot be read, the verdict stands.
            if let rows = try? materializer.fetch(SampleRowsQuery(select: main, limit: Self.sampleSize)) {
                work.sample = RowSample(columns: rows.columnNames, rows: rows.textRows)
            }
        }
        return work
    }

    /// `row_count_drift`: the model's row count now, and the last one a successful run recorded in
    /// the run audit log (before this invocation).
    func measureDrift(_ node: Node, attached: Node?, materializer: Materializer) throws -> RowCountDrift {
        guard let attached, [.model, .seed, .snapshot].contains(attached.resourceType), !attached.isEphemeral else {
            throw MaterializationError("row_count_drift needs a model, seed or snapshot that is built as a relation")
        }
        guard let schema = options.auditLogSchema else {
            throw MaterializationError(
                "row_count_drift compares with earlier runs in the run audit log, which is off",
                hint: "remove `audit-log: false` from the project file, or run without --no-audit-log")
        }
        let relation = Self.relation(of: attached)
        let current = RowCountQuery.decode(try materializer.fetch(RowCountQuery(relation: relation)).textRows)
        let log = AuditLog(schema: schema, dialect: dialect)
        var previous: Int?
        if try materializer.relationType(log.nodeRuns) != nil {
            previous = try log.lastRowCount(of: relation.flatName, before: options.invocationID, on: materializer.connection)
        }
        let limit = node.testMetadata?.kwargs["max_change_percent"]?.scalarText ?? "?"
        return RowCountDrift(relation: relation, current: current, previous: previous, maxChangePercent: limit)
    }

    /// A generic test on a column the tested relation does not have fails before its query runs,
    /// pointing at the test in the YAML (the database's error would point into generated SQL).
    /// Only plain column names are checked (a `column_name` may be an expression), and only when
    /// the relation exists (an ephemeral model has none).
    func checkTestedColumns(_ node: Node, attached: Node, materializer: Materializer) throws {
        guard let metadata = node.testMetadata else { return }
        var names: [String] = []
        if let column = node.columnName ?? metadata.kwargs["column_name"]?.scalarText { names.append(column) }
        if metadata.name == "unique_combination_of_columns", metadata.kwargs["quote_columns"]?.boolValue != true {
            names += metadata.kwargs["combination_of_columns"]?.stringList ?? []
        }
        names = names.filter(Self.isPlainIdentifier)
        guard !names.isEmpty, [.model, .seed, .snapshot, .source].contains(attached.resourceType), !attached.isEphemeral else { return }
        let relation = RelationName(
            schema: attached.schema.isEmpty ? nil : attached.schema,
            name: attached.resourceType == .source ? (attached.identifier ?? attached.name) : (attached.alias.isEmpty ? attached.name : attached.alias))
        let columns = try materializer.columns(relation).map(\.name)
        guard !columns.isEmpty else { return }
        let known = Set(columns.map { $0.lowercased() })
        for name in names where !known.contains(name.lowercased()) {
            throw DiagnosticError(
                Diagnostic(
                    .error, "test \(node.name): column '\(name)' does not exist in \(relation)", at: node.location,
                    sourceLine: yamlLine(node.location),
                    hint: Suggestions.hint(for: name, in: columns) ?? "its columns are: " + columns.joined(separator: ", ")))
        }
    }

    static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// The line of a YAML location, read back from the project folder, for error messages.
    func yamlLine(_ location: SourceLocation) -> String? {
        guard !options.projectRoot.isEmpty,
            let contents = try? String(contentsOfFile: options.projectRoot + "/" + location.file, encoding: .utf8)
        else { return nil }
        return LineIndex(contents).lineText(location.line)
    }
}
