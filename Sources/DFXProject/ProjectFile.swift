/// A file of the project, read once: its paths and text.
public struct ProjectFile: Sendable {
    /// Path relative to the project root, with `/` separators (dbt's `original_file_path`).
    public var path: String
    /// Absolute path on disk.
    public var absolutePath: String
    /// Path relative to the resource folder it was found in (`staging/stg_orders.sql`): the basis of
    /// the node's fqn.
    public var pathInResourceFolder: String
    /// The resource folder as configured (`models`, `../models`).
    public var resourceFolder: String
    public var contents: String

    public init(path: String, absolutePath: String, pathInResourceFolder: String, resourceFolder: String, contents: String) {
        self.path = path
        self.absolutePath = absolutePath
        self.pathInResourceFolder = pathInResourceFolder
        self.resourceFolder = resourceFolder
        self.contents = contents
    }

    /// The file name without folder and extension.
    public var stem: String {
        // Byte-wise: splitting the path into `Character`s cost ~20,000 instructions a file.
        let utf8 = pathInResourceFolder.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = utf8[nameStart...]
        let end = name.lastIndex(of: UInt8(ascii: ".")) ?? name.endIndex
        // A name whose only dot is its first character (`.hidden`) keeps it, as Python's `PurePath.stem`.
        guard end > nameStart else { return String(pathInResourceFolder[nameStart...]) }
        return String(pathInResourceFolder[nameStart..<end])
    }

    /// Folders between the resource folder and the file (`["staging"]`).
    public var folders: [String] {
        pathInResourceFolder.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }
}
