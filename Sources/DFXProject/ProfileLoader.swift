import DFXBasics
import DFXTemplate
import DFXYAML
import Foundation

/// Finds `profiles.yml` and reads the target to run against.
///
/// Search order: the project folder, then `$DFX_PROFILES_DIR`, then `~/.dfx/`, then `~/.dbt/` (so an
/// existing dbt setup works unchanged). `--profiles-dir`, as in dbt, is the only folder searched. When no file exists at
/// all, the project runs on the embedded default: a SQLite database at `<target-path>/dfx.db`.
public struct ProfileLoader {
    public var projectRoot: String
    public var profilesDir: String?
    public var environment: [String: String]
    public var targetPath: String

    public init(projectRoot: String, profilesDir: String? = nil, environment: [String: String], targetPath: String = "target") {
        self.projectRoot = projectRoot
        self.profilesDir = profilesDir
        self.environment = environment
        self.targetPath = targetPath
    }

    /// The folders searched, in order.
    public var searchPath: [String] {
        // An explicit folder is exclusive: a typo must not silently fall back to another profile.
        if let profilesDir { return [profilesDir] }
        var folders: [String] = [projectRoot]
        if let fromEnvironment = environment["DFX_PROFILES_DIR"], !fromEnvironment.isEmpty { folders.append(fromEnvironment) }
        if let home = environment["HOME"], !home.isEmpty {
            folders.append(home + "/.dfx")
            folders.append(home + "/.dbt")
        }
        return folders
    }

    /// The first `profiles.yml` on the search path, if any.
    public func profilesFile() -> String? {
        searchPath.map { FileScanner.join($0, "profiles.yml") }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The target of `profileName` (the project's `profile:`), `targetName` overriding the profile's
    /// `target:`. Without any profiles file, the embedded SQLite default.
    public func load(profileName: String?, targetName: String?) throws(DiagnosticError) -> TargetSettings {
        do {
            return try loadTarget(profileName: profileName, targetName: targetName)
        } catch {
            // A diagnostic quotes its profiles.yml line, which may hold a password.
            throw DiagnosticError(
                error.diagnostics.map { diagnostic in
                    var copy = diagnostic
                    copy.sourceLine = diagnostic.sourceLine.map(TargetSettings.redactingSecretValues)
                    return copy
                })
        }
    }

    private func loadTarget(profileName: String?, targetName: String?) throws(DiagnosticError) -> TargetSettings {
        guard let path = profilesFile() else {
            if let profilesDir {
                throw DiagnosticError(
                    Diagnostic(.error, "no profiles.yml in \(profilesDir)", hint: "create it, or drop --profiles-dir to use the embedded SQLite default"))
            }
            return embeddedDefault(profileName: profileName ?? "default", targetName: targetName ?? "dev")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(.error, "cannot read \(path)"))
        }
        guard let root = try YAML.parse(bytes: [UInt8](data), file: path) else {
            throw DiagnosticError(Diagnostic(.error, "\(path) is empty", hint: "define a profile with a target and outputs"))
        }
        let renderer = YAMLStringRenderer(environment: environment)
        let profiles = try YAMLMappingReader(root, context: "profiles.yml")
        let available = profiles.mapping.keys.filter { $0 != "config" }
        guard let name = profileName ?? (available.count == 1 ? available.first : nil) else {
            throw DiagnosticError(
                root.diagnostic(
                    "the project names no profile", hint: "add 'profile: <name>' to the project file; profiles here: \(available.joined(separator: ", "))"))
        }
        guard let profileNode = profiles.mapping[name] else {
            throw DiagnosticError(
                Diagnostic(
                    .error, "profile '\(name)' is not in \(path)", at: root.location,
                    hint: Suggestions.hint(for: name, in: available) ?? "profiles in this file: \(available.joined(separator: ", "))"))
        }
        var profile = try YAMLMappingReader(profileNode, context: "profile '\(name)'")
        let outputsNode = try profile.requiredNode("outputs")
        let outputs = try YAMLMappingReader(outputsNode, context: "the outputs of profile '\(name)'")
        let defaultTarget: String?
        if let node = profile.node("target") {
            defaultTarget = try renderedText(node, renderer: renderer)
        } else {
            defaultTarget = nil
        }
        guard let target = targetName ?? defaultTarget ?? (outputs.mapping.count == 1 ? outputs.mapping.keys.first : nil) else {
            throw DiagnosticError(profileNode.diagnostic("profile '\(name)' names no default target", hint: "add 'target: <output name>' or pass --target"))
        }
        guard let targetNode = outputs.mapping[target] else {
            throw DiagnosticError(
                outputsNode.diagnostic(
                    "target '\(target)' is not an output of profile '\(name)'",
                    hint: Suggestions.hint(for: target, in: outputs.mapping.keys) ?? "outputs: \(outputs.mapping.keys.joined(separator: ", "))"))
        }
        return try decodeTarget(targetNode, profileName: name, targetName: target, renderer: renderer)
    }

    /// The target used when no profiles file exists: SQLite under the target path.
    public func embeddedDefault(profileName: String, targetName: String) -> TargetSettings {
        let database = FileScanner.join(FileScanner.join(projectRoot, targetPath), "dfx.db")
        return TargetSettings(
            profileName: profileName, name: targetName, type: "sqlite", schema: "main", database: database, threads: 4,
            fields: ["type": .string("sqlite"), "database": .string(database), "schema": .string("main")])
    }

    static let knownTypes = ["postgres", "sqlite"]

    private func decodeTarget(_ node: YAMLNode, profileName: String, targetName: String, renderer: YAMLStringRenderer) throws(DiagnosticError) -> TargetSettings {
        var reader = try YAMLMappingReader(node, context: "target '\(targetName)' of profile '\(profileName)'")
        guard case .dict(let fields) = try node.configValue(render: renderer) else {
            throw DiagnosticError(node.typeMismatch("a target", expected: "a mapping"))
        }
        let type = try reader.requiredString("type")
        guard Self.knownTypes.contains(type) || type == "postgresql" || type == "sqlite3" else {
            throw DiagnosticError(
                (reader.node("type") ?? node).diagnostic(
                    "unknown target type '\(type)'", hint: Suggestions.hint(for: type, in: Self.knownTypes) ?? "dfx supports postgres and sqlite"))
        }
        let threads = fields["threads"].flatMap { value -> Int? in
            if case .int(let number) = value { return number }
            return value.scalarText.flatMap { Int($0) }
        } ?? 4
        guard threads >= 1 else {
            throw DiagnosticError((reader.node("threads") ?? node).diagnostic("threads must be at least 1"))
        }
        if type.hasPrefix("sqlite") {
            let file = fields["database"]?.scalarText ?? fields["path"]?.scalarText ?? fields["dbname"]?.scalarText
                ?? FileScanner.join(targetPath, "dfx.db")
            let absolute = file == ":memory:" ? file : FileScanner.normalize(FileScanner.join(projectRoot, file))
            var normalized = fields
            normalized["database"] = .string(absolute)
            return TargetSettings(
                profileName: profileName, name: targetName, type: "sqlite", schema: fields["schema"]?.scalarText ?? "main",
                database: absolute, threads: threads, fields: normalized, location: node.location)
        }
        let hasConnectionString = fields["url"] != nil || fields["dsn"] != nil || fields["connection_string"] != nil
        guard let schema = fields["schema"]?.scalarText, !schema.isEmpty else {
            throw DiagnosticError(
                node.diagnostic(
                    "target '\(targetName)' of profile '\(profileName)' has no schema",
                    hint: "add 'schema: <schema models are built in>' to the target"))
        }
        let database = fields["dbname"]?.scalarText ?? fields["database"]?.scalarText ?? environment["PGDATABASE"]
            ?? (hasConnectionString ? "" : fields["user"]?.scalarText ?? environment["PGUSER"] ?? "postgres")
        return TargetSettings(
            profileName: profileName, name: targetName, type: "postgres", schema: schema, database: database, threads: threads,
            fields: fields, location: node.location)
    }

    private func renderedText(_ node: YAMLNode, renderer: YAMLStringRenderer) throws(DiagnosticError) -> String? {
        guard let text = node.scalarText else { return nil }
        if TemplateSyntax.hasExpressions(text) { return try renderer.render(text, at: node) }
        return text
    }
}
