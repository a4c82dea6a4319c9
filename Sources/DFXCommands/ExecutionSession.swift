import DFXBasics
import DFXCompiler
import DFXExecution
import DFXSQL
import Foundation

/// The shared body of `dfx run`, `seed`, `test` and `build`: load, select, run, report, write
/// artifacts (run_results.json, target/run/, and a JUnit report when asked).
struct ExecutionSession {
    let command: String
    let global: GlobalOptions
    let selection: SelectionOptions
    let execution: ExecutionOptions
    let resourceTypes: Set<ResourceType>
    /// `--warn-error`, `--store-failures`, `--junit-xml` (test and build only: the options of other
    /// commands are not parsed, and reading them would trap).
    var testing: TestingOptions? = nil

    /// Whether the command runs tests (its summary counts warnings).
    var runsTests: Bool { resourceTypes.contains(.test) }

    func run() throws {
        try CommandRunner.run(global) { context in
            let console = context.console
            let clock = ContinuousClock()
            let start = clock.now
            let startedAt = Date().timeIntervalSince1970
            let workspace = try Workspace.load(global, context: context, command: command, fullRefresh: execution.fullRefresh)
            let selected = try workspace.select(selection, resourceTypes: resourceTypes, console: console)
            let factory = ConnectionFactory(target: workspace.target, projectRoot: workspace.project.rootPath)
            // SQLite has one writer at a time: concurrent writers only contend (and a new database
            // file switching to WAL can refuse a second connection outright), so runs use one worker.
            let threads = factory.dialect.kind == .sqlite ? 1 : (execution.threads ?? workspace.target.threads)
            var options = RunOptions(
                threads: threads, failFast: execution.failFast,
                fullRefresh: execution.fullRefresh, invocationID: console.invocationID,
                targetPath: workspace.project.settings.targetPath,
                executionTime: execution.snapshotTime.map { $0.replacingOccurrences(of: "T", with: " ") })
            options.warnError = testing?.warnError ?? false
            options.storeFailures = testing?.storeFailures ?? false
            options.projectRoot = workspace.project.rootPath
            if workspace.project.settings.auditLog.enabled && !execution.noAuditLog {
                options.auditLogSchema = workspace.project.settings.auditLog.schema
            }
            let runner = ProjectRunner(
                manifest: workspace.manifest, graph: workspace.graph, dialect: factory.dialect, options: options,
                connect: { try factory.open() })
            let count = runner.runnable(selected).count
            console.info("Running \(count) \(count == 1 ? "node" : "nodes") with \(max(1, options.threads)) threads on \(workspace.target.type) target \(workspace.target.name)", event: "RunStart")
            let interrupted = InterruptFlag()
            let runFiles = RunFileWriter(targetDirectory: workspace.targetDirectory, manifest: workspace.manifest)
            let results: [NodeResult]
            // Ctrl-C / SIGTERM cancel running statements on the server; nothing new starts.
            let settings = workspace.project.settings
            let report: @Sendable (NodeResult, Int) -> Void = { result, total in
                ProgressLine.report(result, total: total, console: console)
                runFiles.write(result)
            }
            results = SignalForwarder.shared.forwarding(to: runner.registry, flag: interrupted) {
                var startHooks: [NodeResult] = []
                var endHooks: [NodeResult] = []
                if !settings.onRunStart.isEmpty {
                    console.info("Running \(settings.onRunStart.count) on-run-start hooks", event: "HooksStart")
                    startHooks = runner.runHooks(.start, texts: settings.onRunStart, file: settings.file, progress: report)
                }
                let nodes: [NodeResult]
                if startHooks.contains(where: { $0.status == .error }) {
                    nodes = runner.skipAll(selected, reason: "skipped: an on-run-start hook failed", progress: report)
                } else {
                    nodes = runner.run(selected, progress: report)
                }
                if !settings.onRunEnd.isEmpty {
                    console.info("Running \(settings.onRunEnd.count) on-run-end hooks", event: "HooksStart")
                    endHooks = runner.runHooks(.end, texts: settings.onRunEnd, file: settings.file, results: nodes, progress: report)
                }
                return startHooks + nodes + endHooks
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            try writeArtifacts(results, workspace: workspace, elapsed: seconds, console: console)
            try runFiles.finish()
            if let path = testing?.junitXml {
                let report = JUnitReport(command: command, results: results, manifest: workspace.manifest, elapsed: seconds)
                try report.write(to: path.hasPrefix("/") ? path : context.workingDirectory + "/" + path)
            }
            if workspace.project.settings.auditLog.enabled && !execution.noAuditLog {
                recordAudit(
                    results, workspace: workspace, factory: factory, console: console, startedAt: startedAt,
                    status: interrupted.isSet ? "interrupted" : (results.contains(where: \.isFailure) ? "error" : "success"))
            }
            // dbt's summary: failing tests count as errors.
            let errors = results.filter(\.isFailure).count
            let skips = results.filter { $0.status == .skipped }.count
            let passes = results.filter { $0.status == .success || $0.status == .pass }.count
            let warnings = results.filter { $0.status == .warn }.count
            let warnText = runsTests ? " WARN=\(warnings)" : ""
            console.info(
                "Done. PASS=\(passes)\(warnText) ERROR=\(errors) SKIP=\(skips) TOTAL=\(results.count) in \(Duration.seconds(elapsed))",
                event: "RunSummary",
                data: [
                    "pass": .int(passes), "warn": .int(warnings), "error": .int(errors), "skip": .int(skips), "total": .int(results.count),
                ])
            if interrupted.isSet {
                console.error("Interrupted: running statements were cancelled", event: "Interrupted")
                throw CommandExit(.interrupted)
            }
            if errors > 0 { throw CommandExit(.failure) }
        }
    }

    /// Writes the run audit log; a failure is a warning, never the run's failure.
    func recordAudit(
        _ results: [NodeResult], workspace: Workspace, factory: ConnectionFactory, console: Console, startedAt: Double, status: String
    ) {
        let settings = workspace.project.settings
        let log = AuditLog(schema: settings.auditLog.schema, dialect: factory.dialect)
        var arguments = ([command] + selection.select.flatMap { ["--select", $0] } + selection.exclude.flatMap { ["--exclude", $0] })
        if execution.fullRefresh { arguments.append("--full-refresh") }
        if execution.failFast { arguments.append("--fail-fast") }
        let invocation = AuditLog.Invocation(
            id: console.invocationID, command: command, project: settings.name, targetName: workspace.target.name,
            targetSchema: workspace.target.schema, dfxVersion: DFXVersion.current, startedAt: startedAt,
            completedAt: Date().timeIntervalSince1970, status: status, arguments: arguments.joined(separator: " "))
        do {
            let connection = try factory.open()
            try log.record(invocation, results: results, manifest: workspace.manifest, on: connection)
        } catch {
            console.warning(
                "could not write the run audit log to \(log.nodeRuns): \(error); the run itself is not affected "
                    + "(turn the log off with `audit-log: false` in \(settings.file) or --no-audit-log)",
                event: "AuditLogFailed")
        }
    }

    func writeArtifacts(_ results: [NodeResult], workspace: Workspace, elapsed: Double, console: Console) throws(DiagnosticError) {
        let writer = ArtifactWriter(targetDirectory: workspace.targetDirectory, targetPath: workspace.project.settings.targetPath)
        var arguments: [String: ConfigValue] = [
            "which": .string(command), "threads": .int(workspace.target.type == "sqlite" ? 1 : (execution.threads ?? workspace.target.threads)),
            "fail_fast": .bool(execution.failFast), "full_refresh": .bool(execution.fullRefresh),
        ]
        if runsTests, let testing {
            arguments["warn_error"] = .bool(testing.warnError)
            arguments["store_failures"] = .bool(testing.storeFailures)
            arguments["indirect_selection"] = .string(selection.indirectSelection.rawValue)
        }
        if !selection.select.isEmpty { arguments["select"] = .list(selection.select.map(ConfigValue.string)) }
        if !selection.exclude.isEmpty { arguments["exclude"] = .list(selection.exclude.map(ConfigValue.string)) }
        let document = RunResultsDocument(
            results: results, invocationID: console.invocationID, generatedAt: TimestampText.now().iso8601,
            elapsedTime: elapsed, arguments: arguments)
        try writer.writeArtifact("run_results.json", bytes: document.bytes())
    }
}
