import DFXBasics
import DFXCompiler
import DFXExecution
import DFXSQL
import Foundation

/// The shared body of `dfx run` and `dfx seed`: load, select, run, report, write artifacts.
struct ExecutionSession {
    let command: String
    let global: GlobalOptions
    let selection: SelectionOptions
    let execution: ExecutionOptions
    let resourceTypes: Set<ResourceType>

    func run() throws {
        try CommandRunner.run(global) { context in
            let console = context.console
            let clock = ContinuousClock()
            let start = clock.now
            let workspace = try Workspace.load(global, context: context, command: command, fullRefresh: execution.fullRefresh)
            let selected = try workspace.select(selection, resourceTypes: resourceTypes, console: console)
            let factory = ConnectionFactory(target: workspace.target, projectRoot: workspace.project.rootPath)
            // SQLite has one writer at a time: concurrent writers only contend (and a new database
            // file switching to WAL can refuse a second connection outright), so runs use one worker.
            let threads = factory.dialect.kind == .sqlite ? 1 : (execution.threads ?? workspace.target.threads)
            let options = RunOptions(
                threads: threads, failFast: execution.failFast,
                fullRefresh: execution.fullRefresh, invocationID: console.invocationID)
            let runner = ProjectRunner(
                manifest: workspace.manifest, graph: workspace.graph, dialect: factory.dialect, options: options,
                connect: { try factory.open() })
            let count = runner.runnable(selected).count
            console.info("Running \(count) \(count == 1 ? "node" : "nodes") with \(max(1, options.threads)) threads on \(workspace.target.type) target \(workspace.target.name)", event: "RunStart")
            let interrupted = InterruptFlag()
            let runFiles = RunFileWriter(targetDirectory: workspace.targetDirectory, manifest: workspace.manifest)
            let results: [NodeResult]
            // Ctrl-C / SIGTERM cancel running statements on the server; nothing new starts.
            results = SignalForwarder.shared.forwarding(to: runner.registry, flag: interrupted) {
                runner.run(selected) { result, total in
                    ProgressLine.report(result, total: total, console: console)
                    runFiles.write(result)
                }
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            try writeArtifacts(results, workspace: workspace, elapsed: seconds, console: console)
            try runFiles.finish()
            let errors = results.filter { $0.status == .error }.count
            let skips = results.filter { $0.status == .skipped }.count
            let passes = results.filter { $0.status == .success }.count
            console.info(
                "Done. PASS=\(passes) ERROR=\(errors) SKIP=\(skips) TOTAL=\(results.count) in \(Duration.seconds(elapsed))",
                event: "RunSummary", data: ["pass": .int(passes), "error": .int(errors), "skip": .int(skips), "total": .int(results.count)])
            if interrupted.isSet {
                console.error("Interrupted: running statements were cancelled", event: "Interrupted")
                throw CommandExit(.interrupted)
            }
            if errors > 0 { throw CommandExit(.failure) }
        }
    }

    func writeArtifacts(_ results: [NodeResult], workspace: Workspace, elapsed: Double, console: Console) throws(DiagnosticError) {
        let writer = ArtifactWriter(targetDirectory: workspace.targetDirectory, targetPath: workspace.project.settings.targetPath)
        var arguments: [String: ConfigValue] = [
            "which": .string(command), "threads": .int(workspace.target.type == "sqlite" ? 1 : (execution.threads ?? workspace.target.threads)),
            "fail_fast": .bool(execution.failFast), "full_refresh": .bool(execution.fullRefresh),
        ]
        if !selection.select.isEmpty { arguments["select"] = .list(selection.select.map(ConfigValue.string)) }
        if !selection.exclude.isEmpty { arguments["exclude"] = .list(selection.exclude.map(ConfigValue.string)) }
        let document = RunResultsDocument(
            results: results, invocationID: console.invocationID, generatedAt: TimestampText.now().iso8601,
            elapsedTime: elapsed, arguments: arguments)
        try writer.writeArtifact("run_results.json", bytes: document.bytes())
    }
}
