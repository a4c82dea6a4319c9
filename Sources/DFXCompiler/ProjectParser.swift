import DFXBasics
import DFXProject
import DFXSQL
import DFXTemplate
import Foundation

/// Turns a loaded project into a `Manifest`: compiles every template once, reads each node's
/// `ref`/`source`/`config` calls (statically where the arguments are literals, by a recording
/// render otherwise), merges configs, names relations and resolves dependencies.
///
/// Problems are collected across the whole pass and thrown together.
public struct ProjectParser {
    public let project: Project
    public let settings: CompileSettings

    public init(project: Project, settings: CompileSettings) {
        self.project = project
        self.settings = settings
    }

    /// Names whose calls define a model's dependencies and config.
    static let extractedCalls: Set<String> = ["ref", "source", "config"]

    public func parse() throws(DiagnosticError) -> Manifest {
        var state = ParseState(project: project, settings: settings)
        let timings = settings.environment["DFX_TIMINGS"] == "1"
        let clock = ContinuousClock()
        var last = clock.now
        func mark(_ step: String) {
            guard timings else { return }
            let now = clock.now
            FileHandle.standardError.write(Data("timing:   parse.\(step) \(now - last)\n".utf8))
            last = now
        }
        state.registerMacros()
        mark("registerMacros")
        state.collectDocs()
        mark("collectDocs")
        state.parseModels()
        mark("parseModels")
        state.parseSeeds()
        mark("parseSeeds")
        state.parseSnapshots()
        mark("parseSnapshots")
        state.parseAnalyses()
        mark("parseAnalyses")
        state.parseSingularTests()
        mark("parseSingularTests")
        state.parseSources()
        mark("parseSources")
        state.renderDescriptions()
        mark("renderDescriptions")
        state.checkDuplicateNames()
        mark("checkDuplicateNames")
        state.parseGenericTests()
        mark("parseGenericTests")
        state.applyNaming()
        mark("applyNaming")
        state.partitionDisabled()
        mark("partitionDisabled")
        state.resolveDependencies()
        mark("resolveDependencies")
        if !state.errors.isEmpty { throw DiagnosticError(state.errors) }
        return state.manifest()
    }
}

/// The mutable state of one parse, split across `ParseState+*.swift` by resource kind.
struct ParseState: Sendable {
    let project: Project
    let settings: CompileSettings
    let packageName: String
    let environment: Environment
    var nodes: [Node] = []
    var disabled: [Node] = []
    var macros: [MacroInfo] = []
    var docs: [String: DocBlock] = [:]
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic]
    /// Names whose calls a node's template is scanned for: `ref`, `source`, `config` and every
    /// project macro (set once the macros are registered).
    var extractionNames: Set<String> = ProjectParser.extractedCalls
    /// Project macros that may call `ref`, `source` or `config` (see `macrosReachingExtractedCalls`).
    var dependencyMacros: Set<String> = []
    /// Properties YAML entries by `type.name`.
    let properties: [String: ResourceProperties]

    init(project: Project, settings: CompileSettings) {
        self.project = project
        self.settings = settings
        self.packageName = project.settings.name
        self.warnings = project.warnings
        var options = EnvironmentOptions()
        options.undefinedBehavior = .semiStrict
        // A model renders once or twice per compile, a macro once per call: lowering model bodies to
        // the node form would cost more than it saves (see `TemplateLowering`).
        options.lowering = .macros
        self.environment = Environment(options: options)
        var byKey: [String: ResourceProperties] = [:]
        var duplicates: [Diagnostic] = []
        for entry in project.properties {
            let key = entry.resourceType.rawValue + "." + entry.name
            if let first = byKey[key] {
                duplicates.append(
                    Diagnostic(
                        .error, "\(entry.resourceType.rawValue) '\(entry.name)' is described twice", at: entry.location,
                        hint: "merge the two entries into one", notes: ["first described at \(first.location)"]))
            } else {
                byKey[key] = entry
            }
        }
        self.properties = byKey
        self.errors = duplicates
        ContextGlobals.install(
            in: environment, settings: settings, projectName: project.settings.name, projectVars: project.settings.vars)
    }

    func manifest() -> Manifest {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (position, node) in nodes.enumerated() { index[node.uniqueID] = position }
        return Manifest(
            projectName: packageName, nodes: nodes, disabled: disabled, indexByID: index, macros: macros, docs: docs,
            environment: environment, target: settings.target, invocationID: settings.invocationID, warnings: warnings)
    }

    /// Compiles a template, recording a syntax error instead of throwing.
    mutating func compileTemplate(_ source: String, path: String) -> Template? {
        do {
            return try environment.compile(source, path: path)
        } catch {
            errors.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// The node's config from the project file's tree for `type`.
    func projectConfig(_ type: ResourceType, fqn: [String]) -> [String: ConfigValue] {
        project.settings.configTrees[type]?.resolve(fqn: fqn) ?? [:]
    }

    /// Applies a properties YAML entry (description, columns, config) to a node.
    func applyProperties(_ entry: ResourceProperties?, to node: inout Node) {
        guard let entry else { return }
        node.description = entry.description
        node.columns = entry.columns
        node.patchPath = packageName + "://" + entry.file
        ConfigMerge.apply(entry.config, onto: &node.config)
    }
}
