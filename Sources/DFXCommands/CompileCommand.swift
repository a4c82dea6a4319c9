import ArgumentParser
import DFXBasics
import DFXCompiler
import Foundation

/// `dfx compile`: renders the selected nodes to SQL under `target/compiled/` and writes
/// `target/manifest.json`. Never connects to a database.
public struct CompileCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Render selected models, tests, snapshots and analyses to SQL in target/compiled; write target/manifest.json.",
        discussion: "Compile never connects to a database: is_incremental() is false and relations are named from the profile.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var selection: SelectionOptions

    public init() {}

    static let compiledTypes: Set<ResourceType> = [.model, .test, .snapshot, .analysis]

    public func run() throws {
        try CommandRunner.run(global) { context in
            let console = context.console
            let clock = ContinuousClock()
            let start = clock.now
            let workspace = try Workspace.load(global, context: context, command: "compile")
            let timer = PhaseTimer(environment: context.environment, console: console)
            let selected = try workspace.select(selection, resourceTypes: Self.compiledTypes, console: console)
            timer.mark("select")
            // The compiled files' paths are worked out on another thread meanwhile.
            let (paths, stream) = try CompiledArtifacts.paths(of: selected, in: workspace.manifest) { () throws(DiagnosticError) in
                let compiler = NodeCompiler(manifest: workspace.manifest, dialect: workspace.settings.dialect)
                // Templates that query (run_query, statement blocks) connect on first use; most never do.
                let factory = ConnectionFactory(target: workspace.target, projectRoot: workspace.project.rootPath)
                let database = TemplateDatabase(dialect: factory.dialect, open: { try factory.open() })
                timer.note("relation index built")
                let stream = try compiler.streaming(for: selected, database: database)
                // Freed at exit by the kernel, not object by object (15 ms at 10,000 models).
                ProcessLifetime.keep(compiler)
                ProcessLifetime.keep(stream)
                timer.note("ephemeral models rendered (compiled paths meanwhile)")
                return stream
            }
            let compiledCount = try CompiledArtifacts(workspace: workspace, selected: selected).write(stream, paths: paths, timer: timer)
            timer.mark("render and write artifacts")
            let elapsed = clock.now - start
            var counts: [ResourceType: Int] = [:]
            for id in selected { if let type = ResourceType(uniqueID: id) { counts[type, default: 0] += 1 } }
            let summary = [ResourceType.model, .test, .snapshot, .analysis].compactMap { type -> String? in
                guard let count = counts[type], count > 0 else { return nil }
                return "\(count) \(type.rawValue)\(count == 1 ? "" : type == .analysis ? "" : "s")"
            }
            console.info(
                "Compiled \(summary.isEmpty ? "nothing" : summary.joined(separator: ", ")) in \(Duration.seconds(elapsed)) → \(workspace.project.settings.targetPath)/compiled",
                event: "CompileComplete", data: ["nodes": .int(compiledCount)])
        }
    }
}

/// Writes `manifest.json` for a workspace.
enum ManifestArtifact {
    static func write(workspace: Workspace, compiled: [String: String], compiledPaths: [String: String], writer: ArtifactWriter) throws(DiagnosticError) {
        let maps = workspace.manifest.parentAndChildMaps(workspace.graph)
        let manifestWriter = ManifestWriter(
            manifest: workspace.manifest, compiled: compiled, compiledPaths: compiledPaths, parentMap: maps.parents,
            childMap: maps.children, generatedAt: workspace.settings.startedAt.iso8601, dfxVersion: DFXVersion.current)
        try writer.streamArtifact("manifest.json") { sink in manifestWriter.write(sink) }
    }
}

extension Duration {
    /// `0.42s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)s"
    }
}
