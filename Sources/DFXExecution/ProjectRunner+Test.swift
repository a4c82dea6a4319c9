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
    func runTest(_ node: Node, materializer: Materializer) throws -> NodeWork {
        let settings = try TestSettings(config: node.config, storeFailures: options.storeFailures)
        let attached = node.attachedNode.flatMap(manifest.node)
        if let attached { try checkTestedColumns(node, attached: attached, materializer: materializer) }
        let sql = try compiled(node, incremental: false, log: materializer.log)
        var work = NodeWork(message: "", code: sql)
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
            select: main, failCalc: settings.failCalc, warnIf: settings.warnIf.description, errorIf: settings.errorIf.description,
            limit: settings.limit)
        let counts = TestResultQuery.decode(try materializer.fetch(query).textRows)
        let verdict = TestVerdict(
            failures: counts.failures, shouldWarn: counts.shouldWarn, shouldError: counts.shouldError, settings: settings,
            warnError: options.warnError)
        work.status = verdict.status
        work.message = verdict.message
        work.failures = verdict.failures
        if verdict.status != .pass {
            work.summary = TestDescription.sentence(for: node, attached: attached, failures: counts.failures)
            // The sample is a courtesy: if it cannot be read, the verdict stands.
            if let rows = try? materializer.fetch(SampleRowsQuery(select: main, limit: Self.sampleSize)) {
                work.sample = RowSample(columns: rows.columnNames, rows: rows.textRows)
            }
        }
        return work
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
