import DFXBasics
import DFXProject
import DFXTemplate

extension ParseState {
    /// Arguments each built-in generic test requires, checked at parse time so the error points
    /// at the YAML rather than at a broken query.
    static let requiredTestArguments: [String: [String]] = [
        "accepted_values": ["values"], "relationships": ["to", "field"],
        "unique_combination_of_columns": ["combination_of_columns"], "expression_is_true": ["expression"],
        "not_null_proportion": ["at_least"], "row_count_drift": ["max_change_percent"],
    ]

    /// The generic tests dfx ships (usable bare, or as `dfx.<name>`).
    static let builtinTestNames = [
        "unique", "not_null", "accepted_values", "relationships", "unique_combination_of_columns", "expression_is_true",
        "not_empty", "accepted_range", "not_null_proportion", "row_count_drift",
    ]

    /// Turns every test declared in properties YAML into a test node attached to its model,
    /// seed, snapshot or source table.
    mutating func parseGenericTests() {
        // Indexes, not copies: a Node is large and there may be tens of thousands.
        var byName: [String: Int] = [:]
        var byID: [String: Int] = [:]
        for (index, node) in nodes.enumerated() {
            switch node.resourceType {
            case .model, .seed, .snapshot: byName[node.name] = index
            case .source: byID[node.uniqueID] = index
            default: break
            }
        }
        // Each declaration's tests are built on their own (names, config, argument templates): on
        // all cores, one properties entry per step (the scan over entries and their columns was a
        // single-threaded 30 ms at 10,000 models), then collected in declaration order, so nodes
        // and diagnostics come out as a sequential pass would.
        let state = self
        let properties = project.properties
        let nodes = self.nodes
        let names = byName
        // Per entry: a warning when it describes nothing, else its tests' outcomes.
        let fromProperties = properties.indices.concurrentMap { position -> (missing: Diagnostic?, outcomes: [GenericTestOutcome]) in
            let entry = properties[position]
            guard entry.resourceType == .model || entry.resourceType == .seed || entry.resourceType == .snapshot else { return (nil, []) }
            guard let index = names[entry.name], nodes[index].resourceType == entry.resourceType else {
                let known = nodes.lazy.filter { $0.resourceType == entry.resourceType }.map(\.name)
                let missing = Diagnostic(
                    .warning, "properties describe \(entry.resourceType.rawValue) '\(entry.name)', which does not exist",
                    at: entry.location, hint: Suggestions.hint(for: entry.name, in: known))
                return (missing, [])
            }
            var target = TestTarget(nodes[index])
            target.declaredColumns = entry.columns.map(\.name)
            var outcomes: [GenericTestOutcome] = []
            for test in entry.tests {
                outcomes.append(
                    state.genericTest(
                        GenericTestJob(test: test, target: target, targetName: target.name, column: nil, file: entry.file, folders: entry.folders)))
            }
            for column in entry.columns {
                for test in column.tests {
                    outcomes.append(
                        state.genericTest(
                            GenericTestJob(
                                test: test, target: target, targetName: target.name, column: column.name, file: entry.file,
                                folders: entry.folders)))
                }
            }
            return (nil, outcomes)
        }
        // Entries describing nothing are reported first, as the sequential pass did.
        warnings += fromProperties.compactMap(\.missing)
        var sourceJobs: [GenericTestJob] = []
        for source in project.sources {
            for table in source.tables {
                guard let index = byID["source.\(packageName).\(source.name).\(table.name)"] else { continue }
                var target = TestTarget(nodes[index])
                target.declaredColumns = table.columns.map(\.name)
                let targetName = source.name + "_" + table.name
                for test in table.tests {
                    sourceJobs.append(GenericTestJob(test: test, target: target, targetName: targetName, column: nil, file: source.file, folders: source.folders))
                }
                for column in table.columns {
                    for test in column.tests {
                        sourceJobs.append(
                            GenericTestJob(test: test, target: target, targetName: targetName, column: column.name, file: source.file, folders: source.folders))
                    }
                }
            }
        }
        let fromSources = sourceJobs.concurrentMap { job in state.genericTest(job) }
        for entry in fromProperties { for outcome in entry.outcomes { collect(outcome) } }
        for outcome in fromSources { collect(outcome) }
    }

    private mutating func collect(_ outcome: GenericTestOutcome) {
        errors += outcome.errors
        warnings += outcome.warnings
        if let node = outcome.node { nodes.append(node) }
    }

    struct GenericTestJob: Sendable {
        var test: TestDefinition
        var target: TestTarget
        var targetName: String
        var column: String?
        var file: String
        var folders: [String]
    }

    /// What one declaration produced: the test node, unless it is unusable, and its diagnostics.
    struct GenericTestOutcome: Sendable {
        var node: Node?
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
    }

    /// Names of every generic test available, for suggestions.
    private var knownTestNames: [String] {
        Self.builtinTestNames
            + macros.filter { $0.name.hasPrefix("test_") }.map { String($0.name.dropFirst(5)) }
    }

    private func genericTest(_ job: GenericTestJob) -> GenericTestOutcome {
        let test = job.test, target = job.target, targetName = job.targetName, column = job.column, file = job.file, folders = job.folders
        var outcome = GenericTestOutcome()
        var namespace: String?
        var testName = test.testName
        if let dot = testName.utf8.lastIndex(of: UInt8(ascii: ".")) {
            namespace = String(testName[..<dot])
            testName = String(testName[testName.utf8.index(after: dot)...])
        }
        let macroName = "test_" + testName
        let found =
            environment.macro(named: macroName, namespace: namespace ?? packageName) != nil
            || environment.macro(named: macroName, namespace: "dfx") != nil || environment.macro(named: macroName, namespace: "dbt") != nil
        guard found else {
            outcome.errors.append(
                Diagnostic(
                    .error, "unknown test '\(test.testName)'", at: test.location, length: test.testName.count,
                    sourceLine: sourceLine(of: test.location),
                    hint: Suggestions.hint(for: testName, in: knownTestNames)
                        ?? "define it with {% test \(testName)(model, column_name) %} … {% endtest %} in a macro file"))
            return outcome
        }
        for required in Self.requiredTestArguments[testName] ?? [] where test.arguments[required] == nil {
            outcome.errors.append(
                Diagnostic(
                    .error, "test '\(testName)' needs the argument '\(required)'", at: test.location,
                    sourceLine: sourceLine(of: test.location),
                    hint: "write it as:\n    - \(testName):\n        \(required): ..."))
        }
        if testName == "accepted_range", test.arguments["min_value"] == nil, test.arguments["max_value"] == nil {
            outcome.errors.append(
                Diagnostic(
                    .error, "test 'accepted_range' needs 'min_value', 'max_value' or both", at: test.location,
                    sourceLine: sourceLine(of: test.location), hint: "write it as:\n    - accepted_range:\n        min_value: 0"))
        }
        if column == nil { outcome.warnings += undeclaredColumnWarnings(test, testName: testName, target: target) }
        var kwargs = test.arguments
        if let column { kwargs["column_name"] = .string(column) }
        // dbt: `<namespace>_` then `source_` prefix the test's name; the node's name, fqn and unique ID
        // use the full name, its file and alias the short (hashed) one.
        let nameType = (namespace.map { $0 + "_" } ?? "") + (target.resourceType == .source ? "source_" : "") + testName
        let generated = Self.synthesizeNames(testType: nameType, targetName: targetName, arguments: kwargs, isSource: false)
        let name = test.customName ?? generated.full
        let shortName = test.customName ?? generated.short
        let fqn = [packageName] + folders + [name]
        // One allocation for the hashed text (appending piece by piece grew it three times).
        var hashed = ""
        hashed.reserveCapacity(name.utf8.count + target.uniqueID.utf8.count + file.utf8.count + 2)
        hashed += name
        hashed += "|"
        hashed += target.uniqueID
        hashed += "|"
        hashed += file
        let hash = String(Digest.md5Hex(hashed).prefix(10))
        var node = Node(
            uniqueID: "test.\(packageName).\(name).\(hash)", resourceType: .test, name: name, packageName: packageName,
            fqn: fqn, path: shortName + ".sql", originalFilePath: file, location: test.location)
        node.config = projectConfig(.test, fqn: fqn)
        ConfigMerge.apply(test.config, onto: &node.config)
        outcome.errors += testConfigProblems(node.config, test: test)
        if shortName != name, node.config["alias"] == nil { node.config["alias"] = .string(shortName) }
        node.attachedNode = target.uniqueID
        node.columnName = column
        node.testMetadata = TestMetadata(
            name: testName, kwargs: kwargs, namespace: namespace)
        node.rawCode = "{{ test_\(testName)(**_dbt_generic_test_kwargs) }}"
        node.checksum = ""
        // The tested relation is a dependency, and so is every ref()/source() in the arguments.
        if target.resourceType == .source, let sourceName = target.sourceName {
            node.sourceReferences.append(SourceReference(sourceName: sourceName, tableName: target.name, location: test.location))
        } else {
            node.refs.append(Reference(package: nil, name: target.name, location: test.location))
        }
        for (key, value) in kwargs.sorted(by: { $0.key < $1.key }) {
            guard case .string(let text) = value, text.hasPrefix("ref(") || text.hasPrefix("source(") else { continue }
            let location = test.valueLocations[key] ?? test.location
            let template: Template
            do {
                template = try environment.compile("{{ " + text + " }}", path: location.file)
            } catch {
                outcome.errors += error.diagnostics
                continue
            }
            var probe = Node(
                uniqueID: node.uniqueID, resourceType: .test, name: name, packageName: packageName, fqn: fqn, path: node.path,
                originalFilePath: file, location: location)
            probe.rawCode = ""
            outcome.errors += extractCalls(template: template, into: &probe)
            node.refs += probe.refs.map { Reference(package: $0.package, name: $0.name, version: $0.version, location: location) }
            node.sourceReferences += probe.sourceReferences.map {
                SourceReference(sourceName: $0.sourceName, tableName: $0.tableName, location: location)
            }
        }
        outcome.node = node
        return outcome
    }

    /// A model-level test naming a column (`column_name:`, `combination_of_columns:`) that the
    /// model's properties do not declare, when they declare some: most likely a typo. A warning,
    /// since declaring every column is optional; at run time a column missing from the relation
    /// fails the test at this line.
    func undeclaredColumnWarnings(_ test: TestDefinition, testName: String, target: TestTarget) -> [Diagnostic] {
        guard !target.declaredColumns.isEmpty else { return [] }
        var named: [(String, String)] = []
        if let column = test.arguments["column_name"]?.scalarText { named.append(("column_name", column)) }
        for column in test.arguments["combination_of_columns"]?.stringList ?? [] { named.append(("combination_of_columns", column)) }
        let declared = Set(target.declaredColumns.map { $0.lowercased() })
        return named.filter { !declared.contains($0.1.lowercased()) && !$0.1.contains(" ") && !$0.1.contains("(") }.map { key, column in
            let location = test.valueLocations[key] ?? test.location
            return Diagnostic(
                .warning, "test '\(testName)' names column '\(column)', which \(target.name)'s properties do not declare", at: location,
                sourceLine: sourceLine(of: location),
                hint: Suggestions.hint(for: column, in: target.declaredColumns) ?? "declared: " + target.declaredColumns.joined(separator: ", "))
        }
    }

    /// Problems with a test's `severity`, `error_if`, `warn_if`, `limit` and `store_failures_as`,
    /// each pointing at the value in the YAML (or at the test when the value comes from elsewhere).
    func testConfigProblems(_ config: [String: ConfigValue], test: TestDefinition) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ key: String, _ message: String, hint: String) {
            let location = test.valueLocations[key] ?? test.location
            problems.append(
                Diagnostic(.error, message, at: location, length: config[key]?.scalarText?.count ?? 1, sourceLine: sourceLine(of: location), hint: hint))
        }
        for key in ["error_if", "warn_if"] {
            guard let value = config[key] else { continue }
            if let problem = TestCondition.problem(value.scalarText ?? "") {
                report(key, "bad \(key) of test '\(test.testName)': \(problem)", hint: "dbt's default is \(key): '!= 0'")
            }
        }
        if let severity = config["severity"]?.scalarText, !["warn", "error"].contains(severity.lowercased()) {
            report("severity", "severity must be warn or error, not '\(severity)'", hint: "write severity: warn")
        }
        if let value = config["limit"], value != .null, Int(value.scalarText ?? "").map({ $0 >= 0 }) != true {
            report("limit", "limit must be a whole number of rows", hint: "write limit: 100")
        }
        if let kind = config["store_failures_as"]?.scalarText, !["table", "view", "ephemeral"].contains(kind.lowercased()) {
            report("store_failures_as", "store_failures_as must be table, view or ephemeral, not '\(kind)'", hint: "write store_failures_as: view")
        }
        return problems
    }

    /// dbt's generic test naming: `<test>_<target>_<args…>` with non-word characters replaced by
    /// `_`, argument values joined by `__` in sorted argument order; names of 64 characters or more
    /// become the first 30 characters of `<test>_<target>` plus the MD5 of the full name.
    static func synthesizeName(testType: String, targetName: String, arguments: [String: ConfigValue], isSource: Bool) -> String {
        synthesizeNames(testType: testType, targetName: targetName, arguments: arguments, isSource: isSource).short
    }

    /// Both of dbt's names: `short` (hashed when long; the file and alias) and `full` (name, fqn, unique ID).
    static func synthesizeNames(
        testType: String, targetName: String, arguments: [String: ConfigValue], isSource: Bool
    ) -> (short: String, full: String) {
        var parts: [String] = []
        for key in arguments.keys.sorted() where key != "model" {
            guard let value = arguments[key] else { continue }
            switch value {
            case .dict(let entries): parts += entries.keys.sorted().compactMap { entries[$0].map(pythonText) }
            case .list(let items): parts += items.map(pythonText)
            default: parts.append(pythonText(value))
            }
        }
        let cleaned = parts.map(Self.replaceNonWord)
        let identifier = (isSource ? "source_" : "") + testType + "_" + targetName
        let full = identifier + "_" + cleaned.joined(separator: "__")
        if full.count >= 64 {
            return (String(identifier.prefix(30)) + "_" + Digest.md5Hex(full), full)
        }
        return (full, full)
    }

    /// Python's `str()` of a YAML value, as dbt's name synthesis uses.
    static func pythonText(_ value: ConfigValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return text
        case .list(let items): return "[" + items.map { "'" + pythonText($0) + "'" }.joined(separator: ", ") + "]"
        case .dict: return "{}"
        }
    }

    /// `re.sub("[^0-9a-zA-Z_]+", "_", text)`, over the UTF-8 bytes: every byte of a non-ASCII
    /// character is a non-word byte of the same run, so it becomes part of one `_` as in Python.
    static func replaceNonWord(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.allSatisfy(isWordByte) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var inRun = false
        for byte in utf8 {
            if isWordByte(byte) {
                out.append(byte)
                inRun = false
            } else if !inRun {
                out.append(UInt8(ascii: "_"))
                inRun = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }
}

/// What a generic test needs of the node it tests (a small copy, not the whole node).
struct TestTarget: Sendable {
    var uniqueID: String
    var name: String
    var resourceType: ResourceType
    var sourceName: String?
    /// Columns the properties declare for it (for warnings about undeclared ones).
    var declaredColumns: [String] = []

    init(_ node: Node) {
        uniqueID = node.uniqueID
        name = node.name
        resourceType = node.resourceType
        sourceName = node.sourceName
    }
}
