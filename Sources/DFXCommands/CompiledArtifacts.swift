import DFXBasics
import DFXCompiler
import Foundation

/// `dfx compile`'s outputs, produced in one pass over the manifest's nodes in batches on all cores:
/// each batch's selected nodes are rendered, their files under `target/compiled/` written, and the
/// batch's manifest JSON handed to `manifest.json` in order. Nothing waits for the whole project
/// to be rendered, and no batch's SQL or JSON is kept once written: at 10,000 models this took
/// the compile's peak memory down by the compiled SQL and the manifest's buffered JSON, and let file
/// writes and JSON building overlap with rendering instead of following it.
///
/// A node that fails to render is reported with every other failure once all batches are done;
/// `manifest.json` is then left as it was (the files of the nodes that did compile are written,
/// as dbt writes each node's file when it compiles).
struct CompiledArtifacts {
    let workspace: Workspace
    let selected: [String]

    /// Where each selected node's file goes (relative to the target folder, by node index) and the
    /// folders those files need.
    struct Paths: Sendable {
        var files: [Int: String] = [:]
        var folders = Set<String>()
    }

    /// The selected nodes' paths: only the manifest is read, so this runs while the compiler is
    /// being prepared (relation index, ephemeral models).
    static func paths(of selected: [String], in manifest: Manifest) -> Paths {
        var paths = Paths()
        paths.files.reserveCapacity(selected.count)
        for id in selected {
            guard let index = manifest.indexByID[id] else { continue }
            let relative = ArtifactWriter.compiledPath(for: manifest.nodes[index])
            paths.files[index] = relative
            if let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) { paths.folders.insert(String(relative[..<slash])) }
        }
        return paths
    }

    /// `paths(of:in:)` on another thread while `prepare` runs on this one; both results.
    static func paths<T>(
        of selected: [String], in manifest: Manifest, whilePreparing prepare: () throws(DiagnosticError) -> T
    ) throws(DiagnosticError) -> (paths: Paths, prepared: T) {
        let slot = PathsSlot()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { slot.paths = paths(of: selected, in: manifest) }
        let prepared: T
        do {
            prepared = try prepare()
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        return (slot.paths, prepared)
    }

    /// Renders and writes everything; returns how many nodes were compiled.
    func write(_ stream: StreamingCompilation, paths: Paths, timer: PhaseTimer) throws(DiagnosticError) -> Int {
        let manifest = workspace.manifest
        let writer = ArtifactWriter(targetDirectory: workspace.targetDirectory, targetPath: workspace.project.settings.targetPath)
        let files = paths.files
        let folders = paths.folders
        for folder in folders.sorted() {
            let absolute = writer.targetDirectory + "/" + folder
            do {
                try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
            } catch {
                throw DiagnosticError(
                    Diagnostic(.error, "cannot create \(absolute): \(error.localizedDescription)", hint: "check that the target folder is writable"))
            }
        }

        timer.note("compiled folders")
        let graph = workspace.graph
        let startedAt = workspace.settings.startedAt.iso8601
        let output = try OrderedArtifactFile(path: writer.targetDirectory + "/manifest.json", partSeparator: [UInt8(ascii: ",")])
        // The head and the node batches need no parent or child map: those are computed, with the
        // rest of the manifest's tail, by the first job while the others render.
        let nodesWriter = ManifestWriter(
            manifest: manifest, compiled: [:], compiledPaths: [:], parentMap: [:], childMap: [:], generatedAt: startedAt,
            dfxVersion: DFXVersion.current)
        var head = JSONWriter(reservingCapacity: 1024)
        nodesWriter.writeHead(into: &head)
        output.write(head.takeBytes())

        let batches = nodesWriter.nodeBatches(size: 64)
        let outcomes = BatchOutcomes(count: batches.count)
        let tail = TailBytes()
        let targetPath = writer.targetPath
        let targetDirectory = writer.targetDirectory
        DispatchQueue.concurrentPerform(iterations: batches.count + 1) { job in
            guard job > 0 else {
                let maps = manifest.parentAndChildMaps(graph)
                let tailWriter = ManifestWriter(
                    manifest: manifest, compiled: [:], compiledPaths: [:], parentMap: maps.parents, childMap: maps.children,
                    generatedAt: startedAt, dfxVersion: DFXVersion.current)
                tail.bytes = tailWriter.tail()
                return
            }
            let batch = job - 1
            var compiled: [String: (sql: String, path: String?)] = [:]
            var errors: [Diagnostic] = []
            var unwritable: String?
            for index in batches[batch] {
                guard let relative = files[index] else { continue }
                let node = manifest.nodes[index]
                switch stream.compile(node) {
                case .success(let sql?):
                    compiled[node.uniqueID] = (sql, targetPath + "/" + relative)
                    if unwritable == nil, !ArtifactWriter.writeIfChanged(targetDirectory + "/" + relative, sql) {
                        unwritable = targetDirectory + "/" + relative
                    }
                case .success(nil): break
                case .failure(let error): errors += error.diagnostics
                }
            }
            output.deliver(batch, nodesWriter.nodeFragment(batches[batch]) { compiled[$0.uniqueID] })
            outcomes.set(batch, BatchOutcome(compiled: compiled.count, errors: errors, unwritable: unwritable))
        }
        timer.note("nodes rendered and written")

        let results = outcomes.all
        let errors = results.flatMap(\.errors)
        if !errors.isEmpty {
            output.abandon()
            throw DiagnosticError(errors)
        }
        if let unwritable = results.lazy.compactMap(\.unwritable).first {
            output.abandon()
            throw DiagnosticError(Diagnostic(.error, "cannot write \(unwritable)", hint: "check that the target folder is writable"))
        }
        output.write(tail.bytes)
        timer.note("manifest tail written")
        try output.finish()
        timer.note("manifest renamed into place")
        return results.reduce(0) { $0 + $1.compiled }
    }
}

/// What one batch of nodes produced.
private struct BatchOutcome: Sendable {
    var compiled: Int
    var errors: [Diagnostic]
    /// A compiled file that could not be written.
    var unwritable: String?
}

/// The paths worked out on another thread, read once it has finished.
private final class PathsSlot: @unchecked Sendable {
    var paths = CompiledArtifacts.Paths()
}

/// The manifest's tail, set by the job that builds it.
private final class TailBytes: @unchecked Sendable {
    var bytes: [UInt8] = []
}

/// Slots for the batches' outcomes, each set by the worker that ran the batch.
private final class BatchOutcomes: @unchecked Sendable {
    private var slots: [BatchOutcome?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: BatchOutcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var all: [BatchOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
