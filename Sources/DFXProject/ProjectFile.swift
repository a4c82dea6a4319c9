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
        let name = pathInResourceFolder.split(separator: "/").last.map(String.init) ?? pathInResourceFolder
        if let dot = name.lastIndex(of: ".") { return String(name[..<dot]) }
        return name
    }

    /// Folders between the resource folder and the file (`["staging"]`).
    public var folders: [String] {
        pathInResourceFolder.split(separator: "/").dropLast().map(String.init)
    }
}
