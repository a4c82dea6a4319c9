import DFXBasics
import DFXYAML
import Foundation

/// Reads a project from disk: the project file, every resource folder's files, properties YAML
/// and `selectors.yml`. Collects every problem of the pass before failing.
public struct ProjectLoader {
    /// The project folder (holding `dfx_project.yml` or `dbt_project.yml`).
    public var projectDir: String
    /// `--vars`, visible to `{{ var() }}` in YAML files.
    public var cliVars: [String: ConfigValue]
    /// The process environment, for `{{ env_var() }}`.
    public var environment: [String: String]
    /// The target, for `{{ target.name }}` in YAML files (dbt renders project configs such as
    /// `+enabled: "{{ target.name == 'prod' }}"` with it); nil when not known yet.
    public var target: TargetSettings?

    public init(projectDir: String, cliVars: [String: ConfigValue] = [:], environment: [String: String], target: TargetSettings? = nil) {
        self.projectDir = projectDir
        self.cliVars = cliVars
        self.environment = environment
        self.target = target
    }

    /// What must be known before the profile can be loaded: the project's root, its `profile:` and
    /// `target-path:` (read from the project file alone, cheaply).
    public static func header(in directory: String, environment: [String: String]) throws(DiagnosticError) -> (root: String, profile: String?, targetPath: String) {
        let root = FileScanner.normalize(absolute(directory))
        guard let path = projectFile(in: root) else {
            throw DiagnosticError(
                Diagnostic(.error, "no dfx_project.yml or dbt_project.yml in \(root)", hint: "run dfx from the project folder, or pass --project-dir"))
        }
        let fileName = String(path.split(separator: "/").last ?? "dfx_project.yml")
        guard let node = try YAML.parse(try read(path), file: fileName) else { return (root, nil, "target") }
        let renderer = YAMLStringRenderer(environment: environment)
        func text(_ key: String) throws(DiagnosticError) -> String? {
            guard let value = node[key], !value.isNull else { return nil }
            return try value.configValue(render: renderer).scalarText
        }
        return (root, try text("profile"), try text("target-path") ?? "target")
    }

    /// The target as `{{ target }}` sees it in YAML files: every field but secrets.
    var targetFields: [String: String]? {
        guard let target else { return nil }
        var fields: [String: String] = [:]
        for (key, value) in target.fields where !TargetSettings.isSecret(key) { fields[key] = value.scalarText }
        fields["name"] = target.name
        fields["type"] = target.type
        fields["schema"] = target.schema
        fields["database"] = target.database
        fields["profile_name"] = target.profileName
        fields["threads"] = String(target.threads)
        return fields
    }

    /// The project file's path: `dfx_project.yml`, else a dbt project's `dbt_project.yml`.
    public static func projectFile(in directory: String) -> String? {
        for name in ["dfx_project.yml", "dbt_project.yml"] {
            let path = FileScanner.join(directory, name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    public func load() throws(DiagnosticError) -> Project {
        let root = FileScanner.normalize(Self.absolute(projectDir))
        guard let projectPath = Self.projectFile(in: root) else {
            throw DiagnosticError(
                Diagnostic(
                    .error, "no dfx_project.yml or dbt_project.yml in \(root)",
                    hint: "run dfx from the project folder, or pass --project-dir"))
        }
        let fileName = String(projectPath.split(separator: "/").last ?? "dfx_project.yml")
        let text = try Self.read(projectPath)
        guard let settingsNode = try YAML.parse(text, file: fileName) else {
            throw DiagnosticError(Diagnostic(.error, "\(fileName) is empty", at: SourceLocation(file: fileName, line: 1, column: 1), hint: "it needs at least 'name:'"))
        }
        var warnings: [Diagnostic] = []
        let settingsRenderer = YAMLStringRenderer(environment: environment, vars: cliVars, target: targetFields)
        var settings = try ProjectSettingsDecoder(file: fileName, renderer: settingsRenderer).decode(settingsNode, warnings: &warnings)
        for (key, value) in cliVars { settings.vars[key] = value }

        var project = Project(rootPath: root, settings: settings)
        let scanner = FileScanner(root: root)
        project.models = try scanner.scan(folders: settings.modelPaths, extensions: [".sql"])
        project.macros = try scanner.scan(folders: settings.macroPaths, extensions: [".sql"])
        project.snapshots = try scanner.scan(folders: settings.snapshotPaths, extensions: [".sql"])
        project.tests = try scanner.scan(folders: settings.testPaths, extensions: [".sql"])
        project.analyses = try scanner.scan(folders: settings.analysisPaths, extensions: [".sql"])
        project.seeds = try scanner.scan(folders: settings.seedPaths, extensions: [".csv"], readContents: false)
        project.docs = try scanner.scan(folders: settings.docsPaths ?? settings.resourcePaths, extensions: [".md"])

        let propertiesFolders = settings.modelPaths + settings.seedPaths + settings.snapshotPaths + settings.analysisPaths
            + settings.macroPaths + settings.testPaths
        let yamlFiles = try scanner.scan(folders: propertiesFolders, extensions: [".yml", ".yaml"])
        let renderer = YAMLStringRenderer(environment: environment, vars: settings.vars, target: targetFields)
        var errors: [Diagnostic] = []
        let decoded = yamlFiles.concurrentMap { file -> Result<PropertiesDecoder.Result?, DiagnosticError> in
            do throws(DiagnosticError) {
                guard let node = try YAML.parse(file.contents, file: file.path) else { return .success(nil) }
                return .success(try PropertiesDecoder(file: file.path, folders: file.folders, renderer: renderer).decode(node))
            } catch {
                return .failure(error)
            }
        }
        for outcome in decoded {
            switch outcome {
            case .success(let result?):
                project.sources += result.sources
                project.properties += result.resources
                warnings += result.warnings
            case .success(nil):
                continue
            case .failure(let error):
                errors += error.diagnostics
            }
        }
        let selectorsPath = FileScanner.join(root, "selectors.yml")
        if FileManager.default.fileExists(atPath: selectorsPath) {
            do {
                if let node = try YAML.parse(try Self.read(selectorsPath), file: "selectors.yml") {
                    project.selectors = try SelectorsDecoder(renderer: renderer).decode(node)
                }
            } catch {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw DiagnosticError(errors + warnings) }
        project.warnings = warnings
        return project
    }

    static func read(_ path: String) throws(DiagnosticError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(.error, "cannot read \(path)"))
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileScanner.join(FileManager.default.currentDirectoryPath, path)
    }
}

/// Reads `selectors.yml`: `selectors: [{name, description, default, definition}]`.
struct SelectorsDecoder {
    let renderer: YAMLStringRenderer

    func decode(_ root: YAMLNode) throws(DiagnosticError) -> [SelectorDeclaration] {
        var reader = try YAMLMappingReader(root, context: "selectors.yml")
        var result: [SelectorDeclaration] = []
        for node in try reader.requiredList("selectors") {
            var entry = try YAMLMappingReader(node, context: "a selector")
            let name = try entry.requiredString("name")
            let definition = try entry.requiredNode("definition")
            result.append(
                SelectorDeclaration(
                    name: name, description: try entry.string("description") ?? "", isDefault: try entry.bool("default") ?? false,
                    definition: try definition.configValue(render: renderer), location: node.location))
        }
        return result
    }
}
