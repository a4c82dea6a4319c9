import DFXBasics
import DFXCompiler
import DFXGraph
import DFXProject
import Foundation

/// A project loaded, parsed and graphed for one command: what every project command starts from.
struct Workspace {
    let project: Project
    let target: TargetSettings
    let settings: CompileSettings
    let manifest: Manifest
    let graph: DependencyGraph

    /// Loads the project and profile, parses every node and builds the graph. Warnings go to the
    /// console; errors are thrown together.
    static func load(_ options: GlobalOptions, context: CommandContext, command: String, fullRefresh: Bool = false) throws(DiagnosticError) -> Workspace {
        let console = context.console
        let timer = PhaseTimer(environment: context.environment, console: console)
        let directory = options.projectDir.map { $0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0 } ?? context.workingDirectory
        let cliVars = try options.parsedVars()
        // The profile first (it needs only the project file's `profile:`), so that YAML files can
        // use `{{ target.name }}` as in dbt.
        let header = try ProjectLoader.header(in: directory, environment: context.environment)
        let target = try ProfileLoader(
            projectRoot: header.root,
            profilesDir: options.profilesDir.map { $0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0 }, environment: context.environment,
            targetPath: header.targetPath
        ).load(profileName: options.profile ?? header.profile, targetName: options.target)
        let project = try ProjectLoader(projectDir: directory, cliVars: cliVars, environment: context.environment, target: target).load()
        timer.mark("load")
        console.report(project.warnings)
        var settings = CompileSettings(
            target: target, cliVars: cliVars, environment: context.environment, invocationID: console.invocationID,
            startedAt: TimestampText.now(), command: command, fullRefresh: fullRefresh)
        settings.log = { message in console.info(message, event: "MacroLog") }
        var manifest = try ProjectParser(project: project, settings: settings).parse()
        timer.mark("parse")
        console.report(manifest.warnings.filter { warning in !project.warnings.contains(warning) })
        manifest.warnings = []
        let graph = try manifest.dependencyGraph()
        timer.mark("graph")
        let workspace = Workspace(project: project, target: target, settings: settings, manifest: manifest, graph: graph)
        ProcessLifetime.keep(workspace)
        return workspace
    }

    /// Absolute path of the target folder.
    var targetDirectory: String {
        let path = project.settings.targetPath
        return path.hasPrefix("/") ? path : project.rootPath + "/" + path
    }

    /// The selected unique IDs in dependency order, of `resourceTypes` (nil: all).
    func select(_ options: SelectionOptions, resourceTypes: Set<ResourceType>?, console: Console) throws(DiagnosticError) -> [String] {
        let spec: SelectionSpec
        do {
            if let name = options.selector {
                let catalog = try SelectorCatalog(try SelectorDefinitionDecoder.namedSelectors(project.selectors))
                let named = try catalog.spec(named: name)
                spec = options.exclude.isEmpty
                    ? named
                    : .difference(named, excluding: try SelectorParser.commandLine(select: options.exclude, exclude: []).withIndirectSelection(.eager))
            } else if options.select.isEmpty, options.exclude.isEmpty, !project.selectors.isEmpty,
                let fallback = try SelectorCatalog(try SelectorDefinitionDecoder.namedSelectors(project.selectors)).defaultSelector
            {
                spec = try SelectorCatalog(try SelectorDefinitionDecoder.namedSelectors(project.selectors)).spec(named: fallback.name)
            } else {
                spec = try SelectorParser.commandLine(select: options.select, exclude: options.exclude)
            }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(Diagnostic(.error, "\(error)"))
        }
        let result = NodeSelector(graph: graph).select(spec, indirectSelection: options.indirectSelection, resourceTypes: resourceTypes)
        console.report(result.warnings)
        return result.uniqueIDs
    }
}
