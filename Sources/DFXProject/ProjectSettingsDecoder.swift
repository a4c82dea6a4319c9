import DFXBasics
import DFXYAML

/// Reads `dfx_project.yml` / `dbt_project.yml` into `ProjectSettings`.
struct ProjectSettingsDecoder {
    let file: String
    let renderer: YAMLStringRenderer
    /// Top-level keys dbt defines that dfx reads, or accepts and ignores.
    static let knownKeys: Set<String> = [
        "name", "version", "config-version", "profile", "model-paths", "source-paths", "seed-paths", "data-paths",
        "snapshot-paths", "test-paths", "macro-paths", "analysis-paths", "docs-paths", "asset-paths", "target-path",
        "log-path", "packages-install-path", "clean-targets", "vars", "models", "seeds", "snapshots", "tests",
        "data_tests", "sources", "analyses", "on-run-start", "on-run-end", "require-dbt-version", "quoting",
        "dispatch", "query-comment", "flags", "restrict-access", "exposures", "metrics", "semantic-models",
        "saved-queries", "unit_tests", "functions", "audit-log",
    ]

    func decode(_ root: YAMLNode, warnings: inout [Diagnostic]) throws(DiagnosticError) -> ProjectSettings {
        var reader = try YAMLMappingReader(root, context: "the project file")
        let name = try reader.requiredString("name")
        guard Self.isIdentifier(name) else {
            throw DiagnosticError(
                (reader.node("name") ?? root).diagnostic(
                    "project name '\(name)' is not a valid identifier",
                    hint: "use letters, digits and underscores, starting with a letter or underscore"))
        }
        var settings = ProjectSettings(name: name)
        settings.file = file
        settings.version = try reader.scalarText("version")
        settings.profile = try reader.string("profile")
        func paths(_ key: String, legacy: String? = nil) throws(DiagnosticError) -> [String]? {
            if let value = try reader.stringList(key, allowSingle: true) { return value }
            if let legacy { return try reader.stringList(legacy, allowSingle: true) }
            return nil
        }
        settings.modelPaths = try paths("model-paths", legacy: "source-paths") ?? settings.modelPaths
        settings.seedPaths = try paths("seed-paths", legacy: "data-paths") ?? settings.seedPaths
        settings.snapshotPaths = try paths("snapshot-paths") ?? settings.snapshotPaths
        settings.testPaths = try paths("test-paths") ?? settings.testPaths
        settings.macroPaths = try paths("macro-paths") ?? settings.macroPaths
        settings.analysisPaths = try paths("analysis-paths") ?? settings.analysisPaths
        settings.docsPaths = try paths("docs-paths")
        settings.targetPath = try reader.string("target-path") ?? settings.targetPath
        settings.cleanTargets = try paths("clean-targets")
        settings.onRunStart = try hooks(&reader, "on-run-start")
        settings.onRunEnd = try hooks(&reader, "on-run-end")
        settings.auditLog = try auditLog(&reader)
        if let vars = reader.node("vars"), !vars.isNull {
            guard case .dict(let entries) = try vars.configValue(render: renderer) else {
                throw reader.mismatch("vars", vars, expected: "a mapping")
            }
            // `vars: {my_project: {...}}` scopes vars to a package; this project's scope wins.
            var flat = entries
            if case .dict(let scoped)? = entries[name] {
                flat[name] = nil
                for (key, value) in scoped { flat[key] = value }
            }
            settings.vars = flat
        }
        if let dispatch = try reader.list("dispatch") {
            for entry in dispatch {
                var item = try YAMLMappingReader(entry, context: "a dispatch entry")
                let namespace = try item.requiredString("macro_namespace")
                settings.dispatch[namespace] = try item.stringList("search_order") ?? []
            }
        }
        let trees: [(String, ResourceType)] = [
            ("models", .model), ("seeds", .seed), ("snapshots", .snapshot), ("tests", .test), ("data_tests", .test),
            ("sources", .source), ("analyses", .analysis),
        ]
        // Both spellings of the test tree: one would silently replace the other; dbt refuses it.
        if let tests = reader.node("tests"), !tests.isNull, let dataTests = reader.node("data_tests"), !dataTests.isNull {
            throw DiagnosticError(
                (reader.keyNode("data_tests") ?? dataTests).diagnostic(
                    "the project file has both 'tests' and 'data_tests'", hint: "merge them under 'data_tests'"))
        }
        for (key, type) in trees {
            guard let node = reader.node(key), !node.isNull else { continue }
            settings.configTrees[type] = try ConfigTreeDecoder(type: type, renderer: renderer).decode(node, path: key, warnings: &warnings)
        }
        for key in ["require-dbt-version", "quoting", "query-comment", "flags", "log-path", "packages-install-path",
            "asset-paths", "config-version", "restrict-access", "exposures", "metrics", "semantic-models",
            "saved-queries", "unit_tests", "functions"]
        {
            _ = reader.node(key)
        }
        warnings += reader.unknownKeys(allowed: Self.knownKeys)
        return settings
    }

    /// `audit-log: false` or `audit-log: {enabled: ..., schema: ...}`.
    private func auditLog(_ reader: inout YAMLMappingReader) throws(DiagnosticError) -> AuditLogSettings {
        var settings = AuditLogSettings()
        guard let node = reader.node("audit-log"), !node.isNull else { return settings }
        if node.mapping == nil {
            guard let enabled = try reader.bool("audit-log") else {
                throw reader.mismatch("audit-log", node, expected: "true, false or a mapping with 'enabled' and 'schema'")
            }
            settings.enabled = enabled
            return settings
        }
        guard var entry = try reader.mapping("audit-log", context: "audit-log") else { return settings }
        settings.enabled = try entry.bool("enabled") ?? true
        if let schema = try entry.string("schema") {
            guard !schema.isEmpty else { throw entry.mismatch("schema", entry.node("schema") ?? node, expected: "a schema name") }
            settings.schema = schema
        }
        return settings
    }

    private func hooks(_ reader: inout YAMLMappingReader, _ key: String) throws(DiagnosticError) -> [String] {
        guard let node = reader.node(key), !node.isNull else { return [] }
        if let text = node.scalarText { return [text] }
        guard let items = node.sequence else { throw reader.mismatch(key, node, expected: "a list of SQL statements") }
        var result: [String] = []
        for item in items {
            guard let text = item.scalarText else { throw DiagnosticError(item.typeMismatch("a hook", expected: "a string")) }
            result.append(text)
        }
        return result
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

/// Reads one `models:`-style config tree: `+key` is a config, a known config name with a plain
/// value is a config, anything else is a package or folder level.
struct ConfigTreeDecoder {
    let type: ResourceType
    let renderer: YAMLStringRenderer
    static let unrenderedKeys: Set<String> = ["pre-hook", "post-hook", "+pre-hook", "+post-hook", "pre_hook", "post_hook", "+pre_hook", "+post_hook"]

    func decode(_ node: YAMLNode, path: String, warnings: inout [Diagnostic]) throws(DiagnosticError) -> ConfigTree {
        guard let mapping = node.mapping else {
            throw DiagnosticError(node.typeMismatch("'\(path)'", expected: "a mapping of folders and configs"))
        }
        let known = KnownConfigKeys.keys(for: type)
        var tree = ConfigTree()
        for entry in mapping.entries {
            guard let key = entry.key.scalarText else { continue }
            let canonical = ConfigMerge.canonicalKey(key)
            let isConfig = key.hasPrefix("+") || (known.contains(canonical) && entry.value.mapping == nil)
                || (known.contains(canonical) && ["meta", "docs", "persist_docs", "grants", "quoting", "column_types", "snapshot_meta_column_names", "freshness"].contains(canonical))
            if isConfig {
                if key.hasPrefix("+"), !known.contains(canonical) {
                    warnings.append(
                        entry.key.diagnostic(
                            "unknown config '\(canonical)' for \(type.rawValue)s", severity: .warning,
                            hint: Suggestions.hint(for: canonical, in: known.sorted())))
                }
                let render = Self.unrenderedKeys.contains(key) ? nil : renderer
                tree.configs[canonical] = try entry.value.configValue(render: render)
            } else if entry.value.mapping != nil {
                tree.children[key] = try decode(entry.value, path: path + "." + key, warnings: &warnings)
            } else if entry.value.isNull {
                continue
            } else {
                warnings.append(
                    entry.key.diagnostic(
                        "'\(key)' under '\(path)' is neither a known config nor a folder", severity: .warning,
                        hint: Suggestions.hint(for: canonical, in: known.sorted()) ?? "prefix configs with '+', e.g. '+\(key)'"))
            }
        }
        return tree
    }
}
