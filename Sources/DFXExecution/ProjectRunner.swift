import DFXBasics
import DFXCompiler
import DFXGraph
import DFXSQL
import Foundation

/// Runs the seeds and models of a project on a warehouse: each node on a worker's connection,
/// in dependency order, with `Scheduler`; returns one `NodeResult` per selected node.
public final class ProjectRunner: @unchecked Sendable {
    public let manifest: Manifest
    public let graph: DependencyGraph
    public let dialect: SQLDialect
    public let options: RunOptions
    let compiler: NodeCompiler
    let pool: ConnectionPool
    let managed: Set<String>
    /// Cancellers of the statements running now: `cancelAll()` (fail-fast, Ctrl-C, SIGTERM) stops
    /// them on the server, and no node starts afterwards.
    public let registry = CancellationRegistry()
    let schemaLock = NSLock()
    /// Serializes swaps that replace dependent views (see `Materializer.dependentsLock`).
    let dependentsLock = NSLock()
    var createdSchemas = Set<String>()

    /// A runner that opens connections with `connect` (one per worker, when first needed).
    public init(
        manifest: Manifest, graph: DependencyGraph, dialect: SQLDialect, options: RunOptions,
        connect: @escaping @Sendable () throws -> any WarehouseConnection
    ) {
        self.manifest = manifest
        self.graph = graph
        self.dialect = dialect
        self.options = options
        self.compiler = NodeCompiler(manifest: manifest, dialect: dialect)
        self.pool = ConnectionPool(open: connect)
        var managed = Set<String>()
        for node in manifest.nodes where [.model, .seed, .snapshot].contains(node.resourceType) && !node.isEphemeral {
            managed.insert(Self.relation(of: node).flatName)
        }
        self.managed = managed
    }

    /// The relation a node builds.
    public static func relation(of node: Node) -> RelationName {
        RelationName(schema: node.schema.isEmpty ? nil : node.schema, name: node.alias.isEmpty ? node.name : node.alias)
    }

    /// The kinds of node that run (see `build(_:relation:materializer:)`).
    public static let runnableTypes: Set<ResourceType> = [.seed, .model, .snapshot, .test]

    /// The nodes of `selected` that run: seeds, snapshots, non-ephemeral models and tests.
    public func runnable(_ selected: [String]) -> [String] {
        selected.filter { id in
            guard let node = manifest.node(id), Self.runnableTypes.contains(node.resourceType) else { return false }
            return !(node.resourceType == .model && node.isEphemeral)
        }
    }

    /// Runs `selected` (see `runnable(_:)`), calling `progress` as each node finishes or is
    /// skipped; returns the results in progress order.
    public func run(_ selected: [String], progress: @escaping @Sendable (NodeResult, _ total: Int) -> Void = { _, _ in }) -> [NodeResult] {
        let ids = runnable(selected)
        // dbt's build graph: a node also waits for the tests of its ancestors (see Scheduler).
        var tests: [String: [String]] = [:]
        for id in ids { if let node = manifest.node(id), node.resourceType == .test { tests[id] = node.dependsOnNodes } }
        let scheduler = Scheduler(
            graph: graph, selected: ids, threads: options.threads, failFast: options.failFast, tests: tests,
            extraDependencies: seedsBehindSources(ids))
        let collected = ResultCollector()
        _ = scheduler.run(
            work: { [self] id, worker in
                let result = self.execute(id, worker: worker)
                collected.stash(result)
                switch result.status {
                case .success, .pass: return .success(result.message)
                case .warn: return .warning(result.message)
                case .error, .fail, .skipped: return .failure(result.message)
                }
            },
            events: { [self] event in
                guard case .finished(let id, let index, let total, let outcome, _) = event else { return }
                var result = collected.take(id) ?? self.skipped(id, outcome: outcome)
                result.index = index
                collected.append(result)
                progress(result, total)
            },
            cancelInFlight: { [registry] in _ = registry.cancelAll() })
        pool.close()
        return collected.ordered
    }

    /// Nodes reading, through `source()`, a table that a selected seed loads (the same relation):
    /// each waits for that seed. dbt has no such edge (a seed and a source are unrelated to it);
    /// without it a build of a project whose raw tables are seeds could read them before they
    /// are loaded.
    func seedsBehindSources(_ ids: [String]) -> [String: Set<String>] {
        var seedByRelation: [String: String] = [:]
        for id in ids {
            guard let node = manifest.node(id), node.resourceType == .seed else { continue }
            seedByRelation[Self.relation(of: node).flatName] = id
        }
        guard !seedByRelation.isEmpty else { return [:] }
        var waits: [String: Set<String>] = [:]
        for id in ids {
            guard let node = manifest.node(id) else { continue }
            for parent in node.dependsOnNodes {
                guard let source = manifest.node(parent), source.resourceType == .source else { continue }
                let relation = RelationName(schema: source.schema.isEmpty ? nil : source.schema, name: source.identifier ?? source.name)
                if let seed = seedByRelation[relation.flatName] { waits[id, default: []].insert(seed) }
            }
        }
        return waits
    }

    func skipped(_ id: String, outcome: NodeOutcome) -> NodeResult {
        let now = Date().timeIntervalSince1970
        let reason: String
        switch outcome {
        case .skipped(let text), .failure(let text), .success(let text), .warning(let text): reason = text
        }
        return NodeResult(
            uniqueID: id, status: .skipped, message: reason, label: label(for: manifest.node(id)), startedAt: now, completedAt: now)
    }

    /// `view model analytics.orders`, `seed file raw.customers`.
    func label(for node: Node?) -> String {
        guard let node else { return "node" }
        let relation = Self.relation(of: node).description
        if node.resourceType == .seed { return "seed file " + relation }
        if node.resourceType == .test { return node.name }
        if node.resourceType == .snapshot { return "snapshot " + relation }
        return node.materialized + " model " + relation
    }
}
