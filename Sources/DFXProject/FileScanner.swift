import DFXBasics
import Foundation

/// Finds and reads the files of a project's resource folders.
///
/// Walks each folder once, in sorted order so that every run sees files in the same order;
/// hidden files and folders are skipped, as dbt does.
struct FileScanner {
    /// Absolute path of the project root.
    let root: String
    /// Folder listings already made: a project's model folders are listed for `.sql` files and
    /// again for properties YAML.
    private let listings = Listings()

    init(root: String) {
        self.root = root
    }

    /// Every file under `folders` (relative to the root) whose name ends with one of `extensions`.
    /// Reads contents unless `readContents` is false. Missing folders are not an error.
    func scan(folders: [String], extensions: [String], readContents: Bool = true) throws(DiagnosticError) -> [ProjectFile] {
        var found: [(folder: String, relative: String, absolute: String, path: String)] = []
        var seen = Set<String>()
        for folder in folders {
            let base = Self.join(root, folder)
            // Listed names are plain (hidden entries, so `.` and `..`, are skipped): the folder's
            // paths are normalized once, not every file's.
            let normalizedBase = Self.normalize(base), normalizedFolder = Self.normalize(folder)
            for relative in listings.files(under: base) where extensions.contains(where: { Self.endsWith(relative, $0) }) {
                let absolute = Self.appendPlain(normalizedBase, relative)
                guard seen.insert(absolute).inserted else { continue }
                found.append((folder, relative, absolute, Self.appendPlain(normalizedFolder, relative)))
            }
        }
        let contents: [String?] = readContents ? Self.readTexts(found.map(\.absolute)) : Array(repeating: "", count: found.count)
        var files: [ProjectFile] = []
        files.reserveCapacity(found.count)
        for (entry, text) in zip(found, contents) {
            guard let text else {
                throw DiagnosticError(Diagnostic(.error, "cannot read \(entry.absolute)", hint: "check the file's permissions"))
            }
            files.append(
                ProjectFile(
                    path: entry.path, absolutePath: entry.absolute,
                    pathInResourceFolder: entry.relative, resourceFolder: entry.folder, contents: text))
        }
        return files
    }

    /// How many files are read at once. Reading thousands of small files is latency-bound: from
    /// the page cache a read is a copy, but a file that is not cached waits for the disk, and with
    /// one reader per core (2 here) a cold project read its 10,000 models two requests at a time.
    static let readers = 48

    /// The texts of `paths` (nil where unreadable), in order, read by `readers` threads that mostly
    /// wait on the disk when the files are not cached and cost a few context switches when they are.
    static func readTexts(_ paths: [String]) -> [String?] {
        let count = paths.count
        guard count > 1 else { return paths.map(readText) }
        let slots = TextSlots(count: count)
        let threads = min(readers, count)
        let done = DispatchGroup()
        for reader in 0..<threads {
            done.enter()
            let thread = Thread {
                // Interleaved: neighbouring files (one folder) are read by different threads, and a
                // thread's own files mostly share a folder, opened once (`FolderHandle`).
                var folder = FolderHandle()
                for index in stride(from: reader, to: count, by: threads) {
                    slots.store(readText(paths[index], folder: &folder), at: index)
                }
                folder.release()
                done.leave()
            }
            thread.stackSize = 1 << 18
            thread.start()
        }
        done.wait()
        return slots.values()
    }

    /// A file's text (invalid UTF-8 repaired), read straight into the string's storage: no `Data`
    /// and no second copy per file. Nil when the file cannot be opened or read.
    static func readText(_ path: String) -> String? {
        var folder = FolderHandle()
        defer { folder.release() }
        return readText(path, folder: &folder)
    }

    /// `readText(_:)` opening the file relative to its folder's descriptor, kept in `folder` between
    /// calls: the kernel then looks up one name instead of walking every component of the path.
    static func readText(_ path: String, folder: inout FolderHandle) -> String? {
        let descriptor = folder.openFile(path)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        guard size > 0 else {
            // Empty, or a file that does not know its size: read it the general way.
            return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }
        var failed = false
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var total = 0
            while total < size {
                let count = read(descriptor, base + total, size - total)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { failed = true }
                if count <= 0 { break }
                total += count
            }
            return total
        }
        return failed ? nil : text
    }

    /// An open descriptor of the folder of the last file read, reused while the next file is in the
    /// same folder (`openat` with the file's own name).
    struct FolderHandle {
        private var path: Substring = ""
        private var descriptor: Int32 = -1

        /// Opens `file` read-only (an absolute or root-relative path); -1 on failure, like `open`.
        mutating func openFile(_ file: String) -> Int32 {
            guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")), slash > file.startIndex else {
                return open(file, O_RDONLY)
            }
            let folder = file[..<slash]
            if descriptor < 0 || folder != path {
                release()
                descriptor = open(String(folder), O_RDONLY | O_DIRECTORY)
                path = folder
                if descriptor < 0 { return open(file, O_RDONLY) }
            }
            // The name after the slash is the tail of the path's NUL-terminated C string.
            let offset = file.utf8.distance(from: file.utf8.startIndex, to: slash) + 1
            return file.withCString { openat(descriptor, $0 + offset, O_RDONLY) }
        }

        /// Closes the folder's descriptor, if one is open.
        mutating func release() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
    }

    /// Relative paths of the regular files below `base`, sorted, hidden entries skipped.
    ///
    /// Walks with `readdir`, using each entry's type so that no file needs a `stat` (a project of
    /// 10,000 models would otherwise pay 10,000 system calls for nothing).
    static func listFiles(under base: String) -> [String] {
        var result: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? base : join(base, relative)
            guard let stream = opendir(directory) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.utf8.first == UInt8(ascii: ".") { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): pending.append(child)
                case Int32(DT_REG): result.append(child)
                default:
                    // Symbolic links and file systems that do not report types: ask.
                    var status = stat()
                    guard stat(join(base, child), &status) == 0 else { continue }
                    if status.st_mode & S_IFMT == S_IFDIR { pending.append(child) } else if status.st_mode & S_IFMT == S_IFREG { result.append(child) }
                }
            }
        }
        return ByteOrder.sorted(result)
    }

    /// `a` + `/` + `b`, or `b` alone when it is absolute.
    static func join(_ a: String, _ b: String) -> String {
        if b.utf8.first == UInt8(ascii: "/") || a.isEmpty { return b }
        if b.isEmpty || b == "." { return a }
        return a.utf8.last == UInt8(ascii: "/") ? a + b : a + "/" + b
    }

    /// `normalize(join(base, relative))` for a normalized `base` and a relative path of plain names
    /// (no empty, `.` or `..` component), without another pass over the bytes.
    static func appendPlain(_ base: String, _ relative: String) -> String {
        if base == "." { return relative }
        var path = base
        path.reserveCapacity(base.utf8.count + 1 + relative.utf8.count)
        if base.utf8.last != UInt8(ascii: "/") { path.append("/") }
        path.append(relative)
        return path
    }

    /// Removes `.` components and folds `x/..` pairs, keeping leading `..` of relative paths.
    static func normalize(_ path: String) -> String {
        // Split on the byte '/': splitting by Character runs grapheme breaking over every path.
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        if isNormal(path) { return path }
        let absolute = path.utf8.first == slash
        var parts: [Substring.UTF8View] = []
        for part in path.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            let isDot = part.count == 1 && part.first == dot
            let isDotDot = part.count == 2 && part.allSatisfy { $0 == dot }
            if isDot { continue }
            if isDotDot, let last = parts.last, !(last.count == 2 && last.allSatisfy { $0 == dot }) {
                parts.removeLast()
            } else if isDotDot, absolute, parts.isEmpty {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.map { String(Substring($0)) }.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// True when `normalize` would return `path` unchanged: no empty, `.` or `..` component and no
    /// trailing `/` (the case of every path the scanner builds, checked in one pass over the bytes).
    static func isNormal(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var componentLength = 0
        var dots = 0
        var first = true
        for byte in path.utf8 {
            if byte == slash {
                // An empty component is allowed only as the root of an absolute path.
                if componentLength == 0 && !first { return false }
                if componentLength > 0 && dots == componentLength && dots <= 2 { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == dot { dots += 1 }
            }
            first = false
        }
        if componentLength == 0 { return false }
        return !(dots == componentLength && dots <= 2)
    }

    /// Whether `text` ends with `suffix`, compared byte for byte (with Foundation imported,
    /// `hasSuffix` took a locale-aware search costing thousands of instructions per path).
    static func endsWith(_ text: String, _ suffix: String) -> Bool {
        let count = suffix.utf8.count
        guard text.utf8.count >= count else { return false }
        let inPlace = text.utf8.withContiguousStorageIfAvailable { a in
            suffix.utf8.withContiguousStorageIfAvailable { b in
                a.suffix(count).elementsEqual(b)
            }
        }
        return inPlace.flatMap { $0 } ?? text.utf8.suffix(count).elementsEqual(suffix.utf8)
    }
}

/// Memoised `FileScanner.listFiles` results of one scanner (used from one thread).
private final class Listings {
    private var byFolder: [String: [String]] = [:]

    func files(under base: String) -> [String] {
        if let known = byFolder[base] { return known }
        let listed = FileScanner.listFiles(under: base)
        byFolder[base] = listed
        return listed
    }
}

/// Write-once result slots for `FileScanner.readTexts`, each slot written by exactly one thread
/// and read after all threads have finished.
private final class TextSlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<String?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: String?, at index: Int) { buffer[index] = value }

    func values() -> [String?] { Array(buffer) }
}
