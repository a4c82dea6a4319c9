import DFXBasics
import DFXCompiler
import DFXSQL
import DFXTemplate
import Foundation

/// When a project hook (`on-run-start` / `on-run-end` in dfx_project.yml) runs.
public enum ProjectHookPhase: String, Sendable {
    case start = "on-run-start"
    case end = "on-run-end"
}

extension ProjectRunner {
    /// Runs the project's hooks of `phase` in order on one connection, each in its own implicit
    /// transaction, as dbt does for `run`, `seed`, `snapshot`, `test` and `build`. Each hook is
    /// rendered with the project's globals (`target`, `var`, `run_started_at`, `invocation_id`,
    /// macros); `on-run-end` hooks also see `results` (one dict per node result: `status`,
    /// `message`, `execution_time`, `thread_id`, `adapter_response`, `node`), `schemas` and
    /// `database_schemas` (of the nodes that ran). A failing hook is an error result and the hooks
    /// after it are skipped. `file` names the project file for error locations.
    public func runHooks(
        _ phase: ProjectHookPhase, texts: [String], file: String, results: [NodeResult] = [],
        progress: @escaping @Sendable (NodeResult, _ total: Int) -> Void = { _, _ in }
    ) -> [NodeResult] {
        var context: [String: Value] = [:]
        if phase == .end { context = endContext(results) }
        var outcomes: [NodeResult] = []
        var failed = false
        for (index, text) in texts.enumerated() {
            let name = "\(manifest.projectName)-\(phase.rawValue)-\(index)"
            let now = Date().timeIntervalSince1970
            var result = NodeResult(
                uniqueID: "operation.\(manifest.projectName).\(name)", status: .skipped, message: "skipped: an earlier hook failed",
                label: "hook " + name, threadID: "MainThread", startedAt: now, completedAt: now, index: index + 1)
            if !failed { result = runHook(text, result: result, file: file, context: context) }
            if result.status == .error { failed = true }
            outcomes.append(result)
            progress(result, texts.count)
        }
        pool.close()
        return outcomes
    }

    /// One hook: render, run, time.
    func runHook(_ text: String, result: NodeResult, file: String, context: [String: Value]) -> NodeResult {
        var result = result
        let clock = ContinuousClock()
        let start = clock.now
        let log = StatementLog()
        do {
            guard !registry.isCancelled else { throw MaterializationError("cancelled before it started") }
            let template = try manifest.environment.compile(text, path: file)
            let sql = try manifest.environment.render(template, context: context)
            let connection = try pool.connection(for: 0)
            if !sql.allSatisfy(\.isWhitespace) {
                log.record(sql)
                _ = try registry.whileRegistered(connection.makeCanceller()) { try connection.execute(sql) }
            }
            result.status = .success
            result.message = "ran " + result.label
        } catch let error as DiagnosticError {
            result.status = .error
            result.message = error.description
        } catch {
            result.status = .error
            result.message = file + ": " + result.label + ": " + MaterializationError.wrapping(error).description
        }
        let elapsed = clock.now - start
        result.executionTime = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        result.completedAt = result.startedAt + result.executionTime
        result.executedSQL = log.statements.isEmpty ? nil : log.text
        return result
    }

    /// `results`, `schemas` and `database_schemas` for `on-run-end` hooks.
    func endContext(_ results: [NodeResult]) -> [String: Value] {
        var schemas: [String] = []
        var seen = Set<String>()
        var items: [Value] = []
        for result in results {
            guard let node = manifest.node(result.uniqueID) else { continue }
            if seen.insert(node.schema).inserted { schemas.append(node.schema) }
            let rows: Value = result.rowsAffected.map { .int($0) } ?? .none
            items.append(
                .dict([
                    ("status", .string(result.status.rawValue)), ("message", .string(result.message)),
                    ("execution_time", .double(result.executionTime)), ("thread_id", .string(result.threadID)),
                    ("adapter_response", .dict([("rows_affected", rows)])),
                    (
                        "node",
                        .dict([
                            ("unique_id", .string(node.uniqueID)), ("name", .string(node.name)),
                            ("resource_type", .string(node.resourceType.rawValue)), ("schema", .string(node.schema)),
                            ("alias", .string(node.alias)), ("relation_name", .string(Self.relation(of: node).rendered(dialect))),
                        ])
                    ),
                ]))
        }
        let database = manifest.target.database
        return [
            "results": .list(items), "schemas": .list(schemas.map(Value.string)),
            "database_schemas": .list(schemas.map { .tuple([.string(database), .string($0)]) }),
        ]
    }

    /// Every runnable node of `selected` as skipped because of `reason` (a failed `on-run-start`).
    public func skipAll(_ selected: [String], reason: String, progress: @escaping @Sendable (NodeResult, _ total: Int) -> Void = { _, _ in }) -> [NodeResult] {
        let ids = runnable(selected)
        return ids.enumerated().map { index, id in
            var result = skipped(id, outcome: .skipped(reason: reason))
            result.index = index + 1
            progress(result, ids.count)
            return result
        }
    }
}
