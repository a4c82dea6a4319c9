import DFXBasics
import DFXCompiler
import Foundation

/// Writes compiled SQL files and JSON artifacts under the target folder.
struct ArtifactWriter {
    /// Absolute path of the target folder.
    let targetDirectory: String
    /// The target folder as configured (`target`), for paths recorded in artifacts.
    let targetPath: String

    /// `compiled/<package>/<path>` for a node, relative to the target folder: dbt's layout. Paths of
    /// resource folders outside the project (`../models`) drop their leading `..` components.
    static func compiledPath(for node: Node) -> String {
        let base = node.originalFilePath.split(separator: "/").drop { $0 == ".." || $0 == "." }.joined(separator: "/")
        if node.resourceType == .test, node.testMetadata != nil {
            return "compiled/\(node.packageName)/\(base)/\(node.path)"
        }
        // A snapshot declared in YAML (`relation:`) gets a file under its YAML file, as generic tests
        // do; without this it was written over the YAML file's path and clashed with its tests.
        if node.resourceType == .snapshot, !node.originalFilePath.hasSuffix(".sql") {
            return "compiled/\(node.packageName)/\(base)/\(node.name).sql"
        }
        if node.resourceType == .snapshot, node.originalFilePath.hasSuffix(".sql") {
            let folder = base.split(separator: "/").dropLast().joined(separator: "/")
            return "compiled/\(node.packageName)/\(folder.isEmpty ? "" : folder + "/")\(node.name).sql"
        }
        return "compiled/\(node.packageName)/\(base)"
    }

    /// The path each compiled node is written to, as artifacts record it (`target/compiled/…`).
    func compiledPaths(_ compiled: [String: String], manifest: Manifest) -> [String: String] {
        var paths: [String: String] = [:]
        for id in compiled.keys {
            guard let node = manifest.node(id) else { continue }
            paths[id] = targetPath + "/" + Self.compiledPath(for: node)
        }
        return paths
    }

    /// Writes each compiled SQL file.
    func writeCompiled(_ compiled: [String: String], manifest: Manifest) throws(DiagnosticError) {
        var jobs: [(path: String, sql: String)] = []
        var folders = Set<String>()
        for (id, sql) in compiled {
            guard let node = manifest.node(id) else { continue }
            let relative = Self.compiledPath(for: node)
            let absolute = targetDirectory + "/" + relative
            folders.insert(String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.endIndex)]))
            jobs.append((absolute, sql))
        }
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw DiagnosticError(Diagnostic(.error, "cannot create \(folder): \(error.localizedDescription)"))
            }
        }
        // Sequential on purpose: creating files in one folder from several threads contends on the
        // folder's lock. A file whose content is already right is left alone: rewriting 10,000
        // unchanged files costs more (truncate, reallocate, journal) than reading them.
        let failed = jobs.first { job in
            let bytes = Array(job.sql.utf8)
            if Self.fileHasContent(job.path, bytes) { return false }
            return !Self.writeFile(job.path, bytes: bytes)
        }?.path
        if let failed {
            throw DiagnosticError(Diagnostic(.error, "cannot write \(failed)", hint: "check that the target folder is writable"))
        }
    }

    /// Writes `bytes` to `name` under the target folder, atomically (temporary file, then rename).
    func writeArtifact(_ name: String, bytes: [UInt8]) throws(DiagnosticError) {
        do {
            try FileManager.default.createDirectory(atPath: targetDirectory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(.error, "cannot create \(targetDirectory): \(error.localizedDescription)"))
        }
        let path = targetDirectory + "/" + name
        let temporary = path + ".tmp-\(getpid())"
        guard Self.writeFile(temporary, bytes: bytes), rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DiagnosticError(Diagnostic(.error, "cannot write \(path)", hint: "check that the target folder is writable"))
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    static func fileHasContent(_ path: String, _ bytes: [UInt8]) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count == bytes.count && existing == bytes
    }

    /// Streams an artifact into `name` under the target folder: `produce` hands chunks to the sink;
    /// the file appears whole (temporary file, then rename) or not at all.
    func streamArtifact(_ name: String, produce: (([UInt8]) -> Void) -> Void) throws(DiagnosticError) {
        do {
            try FileManager.default.createDirectory(atPath: targetDirectory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(.error, "cannot create \(targetDirectory): \(error.localizedDescription)"))
        }
        let path = targetDirectory + "/" + name
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticError(Diagnostic(.error, "cannot write \(path)", hint: "check that the target folder is writable"))
        }
        var failed = false
        produce { chunk in
            guard !failed else { return }
            var offset = 0
            while offset < chunk.count {
                let written = chunk[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written <= 0 {
                    failed = true
                    return
                }
                offset += written
            }
        }
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DiagnosticError(Diagnostic(.error, "cannot write \(path)", hint: "check that the target folder is writable"))
        }
    }

    /// POSIX write of a whole file; false on any failure.
    static func writeFile(_ path: String, bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
