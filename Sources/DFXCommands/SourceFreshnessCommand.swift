import ArgumentParser
import DFXBasics
import DFXExecution
import Foundation

/// `dfx source freshness`: how old the latest row of each selected source table is, against its
/// `warn_after` / `error_after`; writes target/sources.json; exits 1 when a table is stale past
/// `error_after` or cannot be checked.
public struct SourceFreshnessCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "freshness",
        abstract: "Check the freshness of the selected sources (loaded_at_field against warn_after / error_after).")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions

    @Option(help: "Number of workers (default: the target's threads).")
    public var threads: Int?

    @Option(name: [.customShort("o"), .long], help: "Where to write the results (default: target/sources.json).")
    public var output: String?

    public init() {}

    public func run() throws {
        try CommandRunner.run(global) { context in
            let console = context.console
            let clock = ContinuousClock()
            let start = clock.now
            let workspace = try Workspace.load(global, context: context, command: "freshness")
            let selected = try workspace.select(selection, resourceTypes: [.source], console: console)
            let factory = ConnectionFactory(target: workspace.target, projectRoot: workspace.project.rootPath)
            let workers = factory.dialect.kind == .sqlite ? 1 : (threads ?? workspace.target.threads)
            let runner = ProjectRunner(
                manifest: workspace.manifest, graph: workspace.graph, dialect: factory.dialect,
                options: RunOptions(threads: workers, invocationID: console.invocationID, targetPath: workspace.project.settings.targetPath),
                connect: { try factory.open() })
            let checks = try runner.freshnessChecks(selected)
            console.info(
                "Checking the freshness of \(checks.count) source \(checks.count == 1 ? "table" : "tables") on \(workspace.target.type) target \(workspace.target.name)",
                event: "FreshnessStart")
            let interrupted = InterruptFlag()
            let results = SignalForwarder.shared.forwarding(to: runner.registry, flag: interrupted) {
                runner.checkFreshness(checks) { result, total in Self.report(result, total: total, console: console) }
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let document = SourcesDocument(
                results: results, invocationID: console.invocationID, generatedAt: TimestampText.now().iso8601, elapsedTime: seconds)
            if let output {
                let path = output.hasPrefix("/") ? output : context.workingDirectory + "/" + output
                let writer = ArtifactWriter(
                    targetDirectory: (path as NSString).deletingLastPathComponent, targetPath: workspace.project.settings.targetPath)
                try writer.writeArtifact((path as NSString).lastPathComponent, bytes: document.bytes())
            } else {
                let writer = ArtifactWriter(targetDirectory: workspace.targetDirectory, targetPath: workspace.project.settings.targetPath)
                try writer.writeArtifact("sources.json", bytes: document.bytes())
            }
            let count = { (status: FreshnessResult.Status) in results.filter { $0.status == status }.count }
            let errors = count(.error) + count(.runtimeError)
            console.info(
                "Done. PASS=\(count(.pass)) WARN=\(count(.warn)) ERROR=\(errors) SKIP=0 TOTAL=\(results.count) in \(Duration.seconds(elapsed))",
                event: "FreshnessSummary",
                data: ["pass": .int(count(.pass)), "warn": .int(count(.warn)), "error": .int(errors), "total": .int(results.count)])
            if interrupted.isSet {
                console.error("Interrupted: running statements were cancelled", event: "Interrupted")
                throw CommandExit(.interrupted)
            }
            if errors > 0 { throw CommandExit(.failure) }
        }
    }

    /// `1 of 3 WARN freshness of raw.orders ..... [WARN in 0.02s]`, then how old the data is.
    static func report(_ result: FreshnessResult, total: Int, console: Console) {
        let word: String
        switch result.status {
        case .pass: word = "PASS"
        case .warn: word = "WARN"
        case .error: word = "ERROR STALE"
        case .runtimeError: word = "ERROR"
        }
        let line = ProgressLine.dotted(
            "\(result.index) of \(total) \(word) freshness of \(result.label)", "[\(word) in \(ProgressLine.format(result.executionTime))]")
        var data: [String: ConfigValue] = ["unique_id": .string(result.uniqueID), "status": .string(result.status.rawValue)]
        if let age = result.age { data["max_loaded_at_time_ago_in_s"] = .double(age) }
        console.info(line, event: "FreshnessChecked", data: data)
        switch result.status {
        case .pass:
            break
        case .warn, .error:
            let limit = result.status == .warn ? result.criteria.warnAfter : result.criteria.errorAfter
            let text = "  the latest \(result.label) row was loaded \(describe(result.age ?? 0)) ago, more than "
                + (limit.map { "\($0.count) \($0.period)\($0.count == 1 ? "" : "s")" } ?? "allowed")
            if result.status == .warn { console.warning(text, event: "FreshnessWarning") } else { console.error(text, event: "FreshnessError") }
        case .runtimeError:
            console.error("  " + (result.error ?? "").replacing("\n", with: "\n  "), event: "FreshnessError")
        }
    }

    /// `2 hours 5 minutes`, `40 seconds`, `3 days 2 hours`.
    static func describe(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded()))
        let parts = [(total / 86400, "day"), (total % 86400 / 3600, "hour"), (total % 3600 / 60, "minute")].filter { $0.0 > 0 }
        if parts.isEmpty { return "\(total) second\(total == 1 ? "" : "s")" }
        return parts.prefix(2).map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " ")
    }
}
