import ArgumentParser
import DFXBasics
import DFXCompiler

/// `dfx parse`: reads and checks the whole project and writes `target/manifest.json` without
/// compiling SQL.
public struct ParseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Read and check the project; write target/manifest.json (no SQL is compiled).")

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func run() throws {
        try CommandRunner.run(global) { context in
            let clock = ContinuousClock()
            let start = clock.now
            let workspace = try Workspace.load(global, context: context, command: "parse")
            let writer = ArtifactWriter(targetDirectory: workspace.targetDirectory, targetPath: workspace.project.settings.targetPath)
            try ManifestArtifact.write(workspace: workspace, compiled: [:], compiledPaths: [:], writer: writer)
            let manifest = workspace.manifest
            var counts: [ResourceType: Int] = [:]
            for index in manifest.nodes.indices { counts[manifest.nodes[index].resourceType, default: 0] += 1 }
            let models = counts[.model] ?? 0
            let tests = counts[.test] ?? 0
            let sources = counts[.source] ?? 0
            context.console.info(
                "Parsed \(models) models, \(tests) tests, \(sources) sources, \(manifest.macros.count) macros in \(Duration.seconds(clock.now - start))",
                event: "ParseComplete")
        }
    }
}
