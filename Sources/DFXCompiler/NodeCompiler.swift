import DFXBasics
import DFXProject
import DFXSQL
import DFXTemplate
import Foundation

/// Renders nodes to SQL: the compile step of `dfx compile`, and of `run`, `test` and `build`.
///
/// Every template was compiled once at parse time; here each node is rendered once, on all
/// cores, against a shared read-only environment. Ephemeral models are then inlined as CTEs.
public struct NodeCompiler: Sendable {
    public let manifest: Manifest
    let relations: RelationIndex
    let dialect: SQLDialect
    /// The ephemeral models' unique IDs, found once for every compile of this manifest.
    let ephemeralIDs: Set<String>
    /// The render context's builder, with the entries shared by every node built once.
    let context: NodeContext

    public init(manifest: Manifest, dialect: SQLDialect) {
        self.manifest = manifest
        self.dialect = dialect
        self.relations = RelationIndex(nodes: manifest.nodes, dialect: dialect)
        self.ephemeralIDs = EphemeralInliner.ephemeralIDs(of: manifest)
        self.context = NodeContext(relations: relations, dialect: dialect, sharingCompileEntries: true)
    }

    /// Compiled SQL for each of `uniqueIDs` (ephemeral parents rendered as needed), or every
    /// problem found. Sources and seeds have no SQL and are skipped. `is_incremental()` is true in
    /// the nodes of `incremental` (at run time: incremental models whose relation exists, without
    /// --full-refresh) and false everywhere else, as in `dfx compile`.
    ///
    /// `database` is what `run_query()`, `statement` blocks and `adapter.get_columns_in_relation()`
    /// query; without it they fail with a message (their calls guarded by `execute` still work).
    public func compile(
        _ uniqueIDs: [String], incremental: Set<String> = [], database: TemplateDatabase? = nil
    ) throws(DiagnosticError) -> [String: String] {
        // Ephemeral ancestors must be rendered too, to be inlined.
        var wanted: [Int] = []
        var seen = Set<Int>()
        var stack = uniqueIDs.compactMap { manifest.indexByID[$0] }
        while let index = stack.popLast() {
            guard seen.insert(index).inserted else { continue }
            wanted.append(index)
            for parent in manifest.nodes[index].dependsOnNodes {
                if let parentIndex = manifest.indexByID[parent], manifest.nodes[parentIndex].isEphemeral { stack.append(parentIndex) }
            }
        }
        wanted.sort()
        let results = ResultBuffer(count: wanted.count)
        let chunk = max(1, wanted.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (wanted.count + chunk - 1) / chunk
        let order = wanted
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            let start = chunkIndex * chunk
            for slot in start..<min(start + chunk, order.count) {
                let node = manifest.nodes[order[slot]]
                results.set(slot, render(node, isIncremental: incremental.contains(node.uniqueID), database: database))
            }
        }
        var rendered: [String: String] = [:]
        var errors: [Diagnostic] = []
        for (slot, index) in wanted.enumerated() {
            switch results.get(slot) {
            case .success(let sql)?: if let sql { rendered[manifest.nodes[index].uniqueID] = sql }
            case .failure(let error)?: errors.append(contentsOf: error.diagnostics)
            case nil: break
            }
        }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        let inliner = EphemeralInliner(manifest: manifest, rendered: rendered, ephemeralIDs: ephemeralIDs)
        var output: [String: String] = [:]
        for id in uniqueIDs {
            guard let sql = rendered[id], let node = manifest.node(id) else { continue }
            output[id] = inliner.inject(into: sql, for: node)
        }
        return output
    }

    /// What `dfx compile` renders node by node on all cores, writing each node's artifacts as soon as
    /// it is done instead of holding every compiled query: the ephemeral models the selection
    /// inlines are rendered up front (they are needed by their consumers, wherever those fall).
    public func streaming(for uniqueIDs: [String], database: TemplateDatabase? = nil) throws(DiagnosticError) -> StreamingCompilation {
        var ephemerals: [Int] = []
        var seen = Set<Int>()
        var stack = uniqueIDs.compactMap { manifest.indexByID[$0] }
        while let index = stack.popLast() {
            for parent in manifest.nodes[index].dependsOnNodes {
                guard let parentIndex = manifest.indexByID[parent], manifest.nodes[parentIndex].isEphemeral, seen.insert(parentIndex).inserted
                else { continue }
                ephemerals.append(parentIndex)
                stack.append(parentIndex)
            }
        }
        ephemerals.sort()
        // On all cores: at 10,000 models the 700 ephemeral models took 50 ms one by one, before
        // any batch could start.
        let results = ephemerals.concurrentMap { index in render(manifest.nodes[index], database: database) }
        var rendered: [String: String] = [:]
        var errors: [Diagnostic] = []
        for (index, result) in zip(ephemerals, results) {
            let node = manifest.nodes[index]
            switch result {
            case .success(let sql?): rendered[node.uniqueID] = sql
            case .success(nil): break
            case .failure(let error): errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return StreamingCompilation(compiler: self, inliner: EphemeralInliner(manifest: manifest, rendered: rendered, ephemeralIDs: ephemeralIDs), database: database)
    }

    /// One node's SQL, before ephemeral inlining; nil for nodes without SQL.
    func render(_ node: Node, isIncremental: Bool = false, database: TemplateDatabase? = nil) -> Result<String?, DiagnosticError> {
        let adapter = database.map { AdapterObject(dialect: dialect, environment: manifest.environment, projectName: manifest.projectName, database: $0) }
        let context = self.context.compileValues(for: node, isIncremental: isIncremental, database: database, adapter: adapter)
        do {
            if let metadata = node.testMetadata {
                return .success(try renderGenericTest(node, metadata: metadata, context: context.values, lazyContext: context.lazy))
            }
            guard let template = node.template else { return .success(nil) }
            return .success(try manifest.environment.render(template, context: context.values, lazyContext: context.lazy))
        } catch {
            return .failure(error)
        }
    }

    /// A generic test rendered with `extraArguments` added to its declared ones: values only known
    /// at run time (`row_count_drift`'s `previous_row_count`, from the run audit log).
    public func renderGenericTest(_ node: Node, extraArguments: [String: ConfigValue]) throws(DiagnosticError) -> String {
        guard var metadata = node.testMetadata else {
            throw DiagnosticError(Diagnostic(.error, "\(node.name) is not a generic test", at: node.location))
        }
        for (key, value) in extraArguments { metadata.kwargs[key] = value }
        let context = self.context.compileValues(for: node)
        return try renderGenericTest(node, metadata: metadata, context: context.values, lazyContext: context.lazy)
    }

    /// A generic test: its `test_<name>` macro called with `model`, `column_name` and the
    /// declared arguments (`ref()`/`source()` strings resolved to relations).
    func renderGenericTest(
        _ node: Node, metadata: TestMetadata, context: [String: Value], lazyContext: [String: LazyValue] = [:]
    ) throws(DiagnosticError) -> String {
        let macroName = "test_" + metadata.name
        let namespaces = [metadata.namespace ?? manifest.projectName, "dfx", "dbt"]
        guard let macro = namespaces.lazy.compactMap({ self.manifest.environment.macro(named: macroName, namespace: $0) }).first else {
            throw DiagnosticError(Diagnostic(.error, "unknown test '\(metadata.name)'", at: node.location))
        }
        guard let attached = node.attachedNode.flatMap(manifest.node) else {
            throw DiagnosticError(Diagnostic(.error, "test '\(node.name)' is attached to no node", at: node.location))
        }
        var model = relationValue(of: attached)
        var keyword: [(String, Value)] = []
        if let condition = node.config["where"]?.scalarText, !condition.isEmpty {
            model = .string("(select * from \(model.renderedString()) where \(condition)) dbt_subquery")
        }
        keyword.append(("model", model))
        for (key, value) in metadata.kwargs.sorted(by: { $0.key < $1.key }) {
            if case .string(let text) = value, text.hasPrefix("ref(") || text.hasPrefix("source(") {
                let template = try manifest.environment.compile("{{ " + text + " }}", path: node.originalFilePath)
                keyword.append((key, .string(try manifest.environment.render(template, context: context, lazyContext: lazyContext))))
            } else {
                keyword.append((key, value.templateValue))
            }
        }
        let arguments = Arguments(positional: [], keyword: keyword, location: node.location)
        return try manifest.environment.call(macro, arguments: arguments, context: context, lazyContext: lazyContext).renderedString()
    }

    func relationValue(of node: Node) -> Value {
        let entry: RelationIndex.Entry?
        if node.resourceType == .source, let source = node.sourceName {
            entry = relations.sources[source + "." + node.name]
        } else {
            entry = relations.byName[node.name]?.first { $0.uniqueID == node.uniqueID }
        }
        return entry?.value ?? .string(node.name)
    }
}

/// Slots for results written by concurrent workers, each slot by exactly one worker.
private final class ResultBuffer: @unchecked Sendable {
    private var slots: [Result<String?, DiagnosticError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<String?, DiagnosticError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> Result<String?, DiagnosticError>? { slots[index] }
}

/// Compiles single nodes of a manifest, any number at once (see `NodeCompiler.streaming`).
public struct StreamingCompilation: Sendable {
    let compiler: NodeCompiler
    let inliner: EphemeralInliner
    let database: TemplateDatabase?

    /// The compiled SQL of `node` with its ephemeral ancestors inlined; nil for nodes without SQL
    /// (sources, seeds).
    public func compile(_ node: Node) -> Result<String?, DiagnosticError> {
        compiler.render(node, database: database).map { sql in sql.map { inliner.inject(into: $0, for: node) } }
    }
}
