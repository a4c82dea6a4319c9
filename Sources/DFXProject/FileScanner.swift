import DFXBasics
import Foundation

/// Finds and reads the files of a project's resource folders.
///
/// Walks each folder once, in sorted order so that every run sees files in the same order;
/// hidden files and folders are skipped, as dbt does.
struct FileScanner {
    /// Absolute path of the project root.
    let root: String

    /// Every file under `folders` (relative to the root) whose name ends with one of `extensions`.
    /// Reads contents unless `readContents` is false. Missing folders are not an error.
    func scan(folders: [String], extensions: [String], readContents: Bool = true) throws(DiagnosticError) -> [ProjectFile] {
        var files: [ProjectFile] = []
        var seen = Set<String>()
        for folder in folders {
            let base = Self.join(root, folder)
            for relative in Self.listFiles(under: base) where extensions.contains(where: { relative.hasSuffix($0) }) {
                let absolute = Self.normalize(Self.join(base, relative))
                guard seen.insert(absolute).inserted else { continue }
                let contents: String
                if readContents {
                    guard let data = FileManager.default.contents(atPath: absolute) else {
                        throw DiagnosticError(Diagnostic(.error, "cannot read \(absolute)", hint: "check the file's permissions"))
                    }
                    contents = String(decoding: data, as: UTF8.self)
                } else {
                    contents = ""
                }
                files.append(
                    ProjectFile(
                        path: Self.normalize(Self.join(folder, relative)), absolutePath: absolute,
                        pathInResourceFolder: relative, resourceFolder: folder, contents: contents))
            }
        }
        return files
    }

    /// Relative paths of the regular files below `base`, sorted, hidden entries skipped.
    static func listFiles(under base: String) -> [String] {
        var result: [String] = []
        var pending: [String] = [""]
        let manager = FileManager.default
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? base : join(base, relative)
            guard let entries = try? manager.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries where !entry.hasPrefix(".") {
                let child = relative.isEmpty ? entry : relative + "/" + entry
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: join(base, child), isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { pending.append(child) } else { result.append(child) }
            }
        }
        return result.sorted()
    }

    /// `a` + `/` + `b`, or `b` alone when it is absolute.
    static func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") || a.isEmpty { return b }
        if b.isEmpty || b == "." { return a }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// Removes `.` components and folds `x/..` pairs, keeping leading `..` of relative paths.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute, parts.isEmpty {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
