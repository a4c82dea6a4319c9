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
        let base = Self.withoutRelativePrefix(node.originalFilePath)
        let package = "compiled/" + node.packageName + "/"
        if node.resourceType == .test, node.testMetadata != nil {
            return package + base + "/" + node.path
        }
        // A snapshot declared in YAML (`relation:`) gets a file under its YAML file, as generic tests
        // do; without this it was written over the YAML file's path and clashed with its tests.
        if node.resourceType == .snapshot, !node.originalFilePath.hasSuffix(".sql") {
            return package + base + "/" + node.name + ".sql"
        }
        if node.resourceType == .snapshot, node.originalFilePath.hasSuffix(".sql") {
            let folder = base.split(separator: "/").dropLast().joined(separator: "/")
            return package + (folder.isEmpty ? "" : folder + "/") + node.name + ".sql"
        }
        return package + base
    }

    /// `path` without empty, `.` and leading `..` components (`../models/a.sql` -> `models/a.sql`).
    /// Paths that need no change (nearly all) are returned as they are, without splitting.
    static func withoutRelativePrefix(_ path: String) -> String {
        var previous = UInt8(ascii: "/")
        var clean = true
        for byte in path.utf8 {
            // A component starting with "." (`.`, `..`, `.hidden`) or an empty one takes the slow path.
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") {
                clean = false
                break
            }
            previous = byte
        }
        if clean, previous != UInt8(ascii: "/") { return path }
        return path.split(separator: "/").drop { $0 == ".." || $0 == "." }.joined(separator: "/")
    }

    /// Writes `text` to the file at `path` unless the file already holds exactly it; false when
    /// the file cannot be written.
    static func writeIfChanged(_ path: String, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            fileHasContent(path, bytes) || writeFile(path, bytes: bytes)
        }
    }

    /// A temporary file name next to `path`, unique to this write: the process ID alone is not, when
    /// two commands run in one process (tests, or a program embedding dfx) and write the same
    /// artifact at once (one renamed the other's half-written file away).
    static func temporaryPath(for path: String) -> String {
        path + ".tmp-\(getpid())-" + UUID().uuidString.prefix(8)
    }

    /// Writes `bytes` to `name` under the target folder, atomically (temporary file, then rename).
    func writeArtifact(_ name: String, bytes: [UInt8]) throws(DiagnosticError) {
        do {
            try FileManager.default.createDirectory(atPath: targetDirectory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(.error, "cannot create \(targetDirectory): \(error.localizedDescription)"))
        }
        let path = targetDirectory + "/" + name
        let temporary = Self.temporaryPath(for: path)
        guard Self.writeFile(temporary, bytes: bytes), rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DiagnosticError(Diagnostic(.error, "cannot write \(path)", hint: "check that the target folder is writable"))
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    ///
    /// Three system calls and one path lookup (open, read, close), no `stat`: asking for one byte
    /// more than expected tells a longer file from an equal one, and a shorter file reads short.
    /// (A read cut short by a signal reads as "different", so the file is rewritten: the safe side.)
    static func fileHasContent(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var descriptor = open(path, O_RDONLY | noAccessTime)
        // O_NOATIME is refused (EPERM) for files the process does not own: read them as usual.
        if descriptor < 0, noAccessTime != 0, errno == EPERM { descriptor = open(path, O_RDONLY) }
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let existing = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count + 1, alignment: 16)
        defer { existing.deallocate() }
        let count = read(descriptor, existing.baseAddress, existing.count)
        guard count == bytes.count else { return false }
        guard let stored = existing.baseAddress, let expected = bytes.baseAddress else { return true }
        return memcmp(stored, expected, bytes.count) == 0
    }

    /// Linux's `O_NOATIME` (not exported by Swift's Glibc module; 01000000 in asm-generic/fcntl.h):
    /// reading a compiled file back without updating its access time. Under `relatime` the first
    /// read after a write updates it, so the first re-compile after a fresh one dirtied all 19,611
    /// compiled files' inodes at 10,000 models (+0.16 s of system time).
    #if os(Linux)
    static let noAccessTime: Int32 = 0o1000000
    #else
    static let noAccessTime: Int32 = 0
    #endif

    /// Streams an artifact into `name` under the target folder: `produce` hands chunks to the sink;
    /// the file appears whole (temporary file, then rename) or not at all.
    func streamArtifact(_ name: String, produce: (([UInt8]) -> Void) -> Void) throws(DiagnosticError) {
        do {
            try FileManager.default.createDirectory(atPath: targetDirectory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(.error, "cannot create \(targetDirectory): \(error.localizedDescription)"))
        }
        let path = targetDirectory + "/" + name
        let temporary = Self.temporaryPath(for: path)
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
        bytes.withUnsafeBufferPointer { writeFile(path, bytes: $0) }
    }

    /// POSIX write of a whole file from a buffer; false on any failure.
    static func writeFile(_ path: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
