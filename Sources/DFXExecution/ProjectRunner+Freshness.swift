import DFXBasics
import DFXCompiler
import DFXSQL
import Foundation

extension ProjectRunner {
    /// The selected source tables that have freshness criteria, with them; a malformed criterion
    /// is an error (thrown before anything runs).
    public func freshnessChecks(_ selected: [String]) throws(DiagnosticError) -> [(String, FreshnessCriteria)] {
        var checks: [(String, FreshnessCriteria)] = []
        var problems: [Diagnostic] = []
        for id in selected {
            guard let node = manifest.node(id), node.resourceType == .source else { continue }
            do {
                if let criteria = try FreshnessCriteria(node: node) { checks.append((id, criteria)) }
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return checks
    }

    /// Checks each source table's freshness (dbt's `dbt source freshness`) on the runner's
    /// workers, calling `progress` as each finishes; returns the results in progress order.
    public func checkFreshness(
        _ checks: [(String, FreshnessCriteria)], progress: @escaping @Sendable (FreshnessResult, _ total: Int) -> Void = { _, _ in }
    ) -> [FreshnessResult] {
        let criteria = Dictionary(checks, uniquingKeysWith: { first, _ in first })
        let scheduler = Scheduler(graph: graph, selected: checks.map(\.0), threads: options.threads)
        let collected = FreshnessCollector()
        _ = scheduler.run(
            work: { [self] id, worker in
                guard let criteria = criteria[id] else { return .failure("no criteria") }
                let result = self.freshness(id, criteria: criteria, worker: worker)
                collected.stash(result)
                return result.status == .runtimeError ? .failure(result.error ?? "") : .success(result.status.rawValue)
            },
            events: { event in
                guard case .finished(let id, let index, let total, _, _) = event, var result = collected.take(id) else { return }
                result.index = index
                collected.append(result)
                progress(result, total)
            },
            cancelInFlight: { [registry] in _ = registry.cancelAll() })
        pool.close()
        return collected.ordered
    }

    func freshness(_ id: String, criteria: FreshnessCriteria, worker: Int) -> FreshnessResult {
        let clock = ContinuousClock()
        let start = clock.now
        let node = manifest.node(id)
        let label = node.map { ($0.sourceName ?? "") + "." + $0.name } ?? id
        var result = FreshnessResult(uniqueID: id, label: label, status: .runtimeError, criteria: criteria)
        result.threadID = "Thread-\(worker + 1)"
        result.startedAt = Date().timeIntervalSince1970
        do {
            guard let node else { throw MaterializationError("unknown source \(id)") }
            guard let field = node.loadedAtField, !field.isEmpty else {
                throw MaterializationError(
                    "source \(label) has freshness criteria but no loaded_at_field",
                    hint: "set loaded_at_field on the source or the table")
            }
            let connection = try pool.connection(for: worker)
            let relation = RelationName(schema: node.schema.isEmpty ? nil : node.schema, name: node.identifier ?? node.name)
            let query = FreshnessQuery(relation: relation, loadedAtField: field, filter: criteria.filter)
            let rows = try registry.whileRegistered(connection.makeCanceller()) {
                var rows: [[String?]] = []
                for sql in query.render(dialect) { rows = try connection.fetch(sql).textRows }
                return rows
            }
            let (loaded, now) = FreshnessQuery.decode(rows)
            result.snapshottedAt = now
            guard let loaded, let now else {
                throw MaterializationError("\(relation) has no rows with a \(field) to measure" + (criteria.filter == nil ? "" : " (after the filter)"))
            }
            result.maxLoadedAt = loaded
            result.status = FreshnessResult.Status(rawValue: criteria.status(age: now - loaded).rawValue) ?? .runtimeError
        } catch {
            let file = node.map { "\($0.location): " } ?? ""
            result.error = file + MaterializationError.wrapping(error).description
        }
        let elapsed = clock.now - start
        result.executionTime = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        result.completedAt = Date().timeIntervalSince1970
        return result
    }
}
