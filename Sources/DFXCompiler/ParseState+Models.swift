import DFXBasics
import DFXProject
import DFXTemplate

extension ParseState {
    mutating func parseModels() {
        parseSQLNodes(project.models.filter { $0.path.hasSuffix(".sql") }, type: .model)
    }

    mutating func parseAnalyses() {
        parseSQLNodes(project.analyses.filter { $0.path.hasSuffix(".sql") }, type: .analysis)
    }

    /// Singular tests: `.sql` files under test paths, outside `generic/`.
    mutating func parseSingularTests() {
        parseSQLNodes(
            project.tests.filter { $0.path.hasSuffix(".sql") && !$0.pathInResourceFolder.hasPrefix("generic/") }, type: .test)
    }

    /// Compiles every file's template and reads its static calls on all cores, then builds the
    /// nodes in file order.
    mutating func parseSQLNodes(_ files: [ProjectFile], type: ResourceType) {
        let state = self
        let built = files.concurrentMap { file -> (Node, [Diagnostic]) in
            let prepared: PreparedTemplate
            do throws(DiagnosticError) {
                let template = try state.environment.compile(file.contents, path: file.path)
                prepared = PreparedTemplate(
                    template: template, report: template.staticCalls(to: state.extractionNames), checksum: Self.checksum(file.contents),
                    errors: [])
            } catch {
                prepared = PreparedTemplate(template: nil, report: nil, checksum: Self.checksum(file.contents), errors: error.diagnostics)
            }
            return state.buildSQLNode(file: file, type: type, prepared: prepared)
        }
        nodes.reserveCapacity(nodes.count + built.count)
        for (node, problems) in built {
            nodes.append(node)
            errors += problems
        }
    }

    mutating func parseSeeds() {
        for file in project.seeds where file.path.hasSuffix(".csv") {
            let name = file.stem
            let fqn = [packageName] + file.folders + [name]
            var node = Node(
                uniqueID: "seed.\(packageName).\(name)", resourceType: .seed, name: name, packageName: packageName, fqn: fqn,
                path: file.pathInResourceFolder, originalFilePath: file.path,
                location: SourceLocation(file: file.path, line: 1, column: 1))
            node.config = projectConfig(.seed, fqn: fqn)
            applyProperties(properties["seed." + name], to: &node)
            node.seedFilePath = file.absolutePath
            node.checksum = "path:" + file.path
            nodes.append(node)
        }
    }

    /// Snapshot files: each `{% snapshot name %}` block is a node whose SQL is the block's body.
    mutating func parseSnapshots() {
        for file in project.snapshots where file.path.hasSuffix(".sql") {
            guard let template = compileTemplate(file.contents, path: file.path) else { continue }
            let blocks = template.blocks.filter { $0.kind == .snapshot }
            if blocks.isEmpty {
                warnings.append(
                    Diagnostic(
                        .warning, "no {% snapshot %} block in this file", at: SourceLocation(file: file.path, line: 1, column: 1),
                        hint: "wrap the select in {% snapshot name %} … {% endsnapshot %}"))
            }
            for block in blocks {
                guard let body = block.body else { continue }
                let fqn = [packageName] + file.folders + [file.stem, block.name]
                var node = Node(
                    uniqueID: "snapshot.\(packageName).\(block.name)", resourceType: .snapshot, name: block.name,
                    packageName: packageName, fqn: fqn, path: file.pathInResourceFolder, originalFilePath: file.path,
                    location: block.location)
                node.rawCode = block.rawText
                node.template = body
                node.checksum = Self.checksum(file.contents)
                node.config = projectConfig(.snapshot, fqn: fqn)
                applyProperties(properties["snapshot." + block.name], to: &node)
                errors += extractCalls(template: body, into: &node)
                nodes.append(node)
            }
        }
        // Snapshots declared in YAML with `relation:` select everything from that relation.
        for entry in project.properties where entry.resourceType == .snapshot {
            guard let relation = entry.relation else { continue }
            let fqn = [packageName] + entry.folders + [entry.name]
            var node = Node(
                uniqueID: "snapshot.\(packageName).\(entry.name)", resourceType: .snapshot, name: entry.name,
                packageName: packageName, fqn: fqn,
                path: (entry.folders + [String(entry.file.split(separator: "/").last ?? "")]).joined(separator: "/"),
                originalFilePath: entry.file, location: entry.location)
            node.rawCode = "select * from {{ \(relation) }}"
            node.template = compileTemplate(node.rawCode, path: entry.file)
            node.checksum = Digest.sha256Hex(node.rawCode)
            node.config = projectConfig(.snapshot, fqn: fqn)
            applyProperties(entry, to: &node)
            if let template = node.template { errors += extractCalls(template: template, into: &node) }
            nodes.append(node)
        }
    }

    /// A node whose whole file is one SQL template: models, analyses, singular tests.
    func buildSQLNode(file: ProjectFile, type: ResourceType, prepared: PreparedTemplate) -> (Node, [Diagnostic]) {
        let name = file.stem
        let fqn = Self.fqn(package: packageName, pathInResourceFolder: file.pathInResourceFolder, name: name)
        var node = Node(
            uniqueID: "\(type.rawValue).\(packageName).\(name)", resourceType: type, name: name, packageName: packageName,
            fqn: fqn, path: file.pathInResourceFolder, originalFilePath: file.path,
            location: SourceLocation(file: file.path, line: 1, column: 1))
        node.rawCode = file.contents
        node.checksum = prepared.checksum
        node.config = projectConfig(type == .analysis ? .analysis : type, fqn: fqn)
        applyProperties(properties[type.rawValue + "." + name], to: &node)
        guard let template = prepared.template else { return (node, prepared.errors) }
        node.template = template
        let problems = extractCalls(template: template, into: &node, report: prepared.report)
        return (node, prepared.errors + problems)
    }

    /// Reads `ref`, `source` and `config` calls: statically when every argument is a literal
    /// (no render at all, as dbt's static parser), else by rendering once with recording functions.
    /// Returns the problems found (the caller adds them to the pass's errors), so that it can run on
    /// any thread.
    func extractCalls(template: Template, into node: inout Node, report precomputed: StaticCallReport? = nil) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        let report = precomputed ?? template.staticCalls(to: extractionNames)
        // Project macros the node calls directly (dbt's `depends_on.macros`), and whether a literal
        // ref()/source()/config() sits inside control flow: one pass over the calls, no copies.
        var called: [String] = []
        // A literal ref()/source()/config() inside control flow may not run (`{% if target.name ==
        // 'prod' %}`): only a render knows, as in dbt.
        var callsUnderControlFlow = false
        for index in report.calls.indices {
            let name = report.calls[index].name
            if Self.isExtractedCall(name) {
                if report.calls[index].isConditional { callsUnderControlFlow = true }
            } else if name != "adapter", !called.contains(name) {
                called.append(name)
            }
        }
        node.dependsOnMacros = called.sorted().map { "macro.\(packageName).\($0)" }
        // `adapter.dispatch(...)` may reach any project macro.
        let callsProjectMacros = !dependencyMacros.isEmpty
            && (called.contains { dependencyMacros.contains($0) } || report.nonLiteralNames.contains("adapter"))
        // A project macro may call ref/source/config itself: only a render sees those (dbt's
        // static parser falls back to rendering too).
        if !report.nonLiteralNames.contains(where: Self.isExtractedCall) && !callsUnderControlFlow && !callsProjectMacros {
            var fileConfig: [String: ConfigValue] = [:]
            for call in report.calls where Self.isExtractedCall(call.name) {
                switch call.name {
                case "ref":
                    let names = call.arguments.compactMap { $0?.asString }
                    guard !names.isEmpty, names.count == call.arguments.count, names.count <= 2 else {
                        errors.append(Diagnostic(.error, "ref() takes a model name, or a package and a model name", at: call.location))
                        continue
                    }
                    let version = call.keywordArguments.first { $0.0 == "version" || $0.0 == "v" }?.1.map { $0.renderedString() }
                    node.refs.append(
                        Reference(package: names.count == 2 ? names[0] : nil, name: names[names.count - 1], version: version, location: call.location))
                case "source":
                    let names = call.arguments.compactMap { $0?.asString }
                    guard names.count == 2, call.arguments.count == 2 else {
                        errors.append(Diagnostic(.error, "source() takes a source name and a table name", at: call.location))
                        continue
                    }
                    node.sourceReferences.append(SourceReference(sourceName: names[0], tableName: names[1], location: call.location))
                default:
                    var entries: [String: ConfigValue] = [:]
                    if let first = call.arguments.first, let dict = first?.asDict {
                        for (key, value) in dict { entries[key] = ConfigValue(templateValue: value) }
                    }
                    for (key, value) in call.keywordArguments {
                        if let value { entries[key] = ConfigValue(templateValue: value) }
                    }
                    ConfigMerge.apply(entries, onto: &fileConfig)
                }
            }
            ConfigMerge.apply(fileConfig, onto: &node.config)
            return errors
        }
        let recorder = CallRecorder()
        let context = NodeContext(relations: RelationIndex(), dialect: settings.dialect)
            .values(for: node, mode: .parse, recorder: recorder)
        do {
            _ = try environment.render(template, context: context)
        } catch {
            errors.append(contentsOf: error.diagnostics)
        }
        node.refs = recorder.references
        node.sourceReferences = recorder.sources
        ConfigMerge.apply(recorder.config, onto: &node.config)
        return errors
    }
}

extension ParseState {
    /// `[package] + file.folders + [name]`, the folders cut from the path's bytes in one pass
    /// (`ProjectFile.folders` splits through the generic collection algorithms: ~5,000 instructions
    /// a file).
    static func fqn(package: String, pathInResourceFolder path: String, name: String) -> [String] {
        var fqn = [package]
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                // Empty parts (`a//b`, a leading `/`) are skipped, as `split` omits them.
                if index != start { fqn.append(String(path[start..<index])) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        fqn.append(name)
        return fqn
    }

    /// Whether `name` is one of `ProjectParser.extractedCalls` (compared, not hashed: this runs
    /// for every call of every node).
    @inline(__always)
    static func isExtractedCall(_ name: String) -> Bool {
        name == "ref" || name == "source" || name == "config"
    }
}

/// A file's template compiled, and its static calls read, ahead of building its node.
struct PreparedTemplate: Sendable {
    var template: Template?
    var report: StaticCallReport?
    /// SHA-256 of the file, computed with the rest on all cores.
    var checksum: String
    var errors: [Diagnostic]
}

extension ParseState {
    /// dbt's file checksum: SHA-256 of the contents with surrounding whitespace stripped, so a
    /// manifest compares equal to dbt's for the same files.
    /// The surrounding whitespace is sliced off, not copied away: the hash reads the file's text in place.
    static func checksum(_ contents: String) -> String {
        let scalars = contents.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return Digest.sha256Hex("") }
        return Digest.sha256Hex(Substring(scalars[first...last]))
    }
}
