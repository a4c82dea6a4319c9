import DFXBasics
import DFXProject
import DFXTemplate

/// One node of the project graph after parsing: a model, seed, snapshot, test, analysis or source.
///
/// Field names follow dbt's manifest where they exist, so the manifest writer is a direct mapping.
public struct Node: Sendable {
    public var uniqueID: String
    public var resourceType: ResourceType
    public var name: String
    public var packageName: String
    /// `[package, folders..., name]`, the basis of selection by name and of config resolution.
    public var fqn: [String]
    /// Path relative to its resource folder (dbt's `path`).
    public var path: String
    /// Path relative to the project root (dbt's `original_file_path`).
    public var originalFilePath: String
    /// Where the node is defined (the file's first line, a YAML entry, a snapshot block's tag).
    public var location: SourceLocation
    /// The fully merged config: project file < properties YAML < `config()` in the file.
    public var config: [String: ConfigValue] = [:]
    public var database: String?
    public var schema: String = ""
    public var alias: String = ""
    public var description: String = ""
    public var columns: [ColumnDefinition] = []
    public var rawCode: String = ""
    /// The compiled template of `rawCode` (nil for seeds and sources).
    public var template: Template?
    /// `ref()` calls, in order of appearance.
    public var refs: [Reference] = []
    /// `source()` calls, in order of appearance.
    public var sourceReferences: [SourceReference] = []
    /// Unique IDs of the nodes this node depends on, resolved from `refs` and `sourceReferences`.
    public var dependsOnNodes: [String] = []
    public var dependsOnMacros: [String] = []
    /// SHA-256 of the file (or of the YAML entry for YAML-declared resources).
    public var checksum: String = ""
    /// The properties file that described this node, if any (`project://models/schema.yml` form).
    public var patchPath: String?
    /// For generic tests: the test's name, arguments and namespace.
    public var testMetadata: TestMetadata?
    /// For column-level tests: the column.
    public var columnName: String?
    /// For tests: the unique ID of the node the test is attached to.
    public var attachedNode: String?
    /// For sources: the source's name, the table's identifier and freshness settings.
    public var sourceName: String?
    public var identifier: String?
    public var loadedAtField: String?
    public var freshness: ConfigValue?
    /// For analyses and seeds: no SQL runs; for seeds, the CSV's absolute path.
    public var seedFilePath: String?

    public init(
        uniqueID: String, resourceType: ResourceType, name: String, packageName: String, fqn: [String],
        path: String, originalFilePath: String, location: SourceLocation
    ) {
        self.uniqueID = uniqueID
        self.resourceType = resourceType
        self.name = name
        self.packageName = packageName
        self.fqn = fqn
        self.path = path
        self.originalFilePath = originalFilePath
        self.location = location
    }
}

/// A `ref()` call: `ref('m')`, `ref('pkg', 'm')`, with an optional version.
public struct Reference: Sendable, Hashable {
    public var package: String?
    public var name: String
    public var version: String?
    public var location: SourceLocation

    public init(package: String?, name: String, version: String? = nil, location: SourceLocation) {
        self.package = package
        self.name = name
        self.version = version
        self.location = location
    }
}

/// A `source()` call.
public struct SourceReference: Sendable, Hashable {
    public var sourceName: String
    public var tableName: String
    public var location: SourceLocation

    public init(sourceName: String, tableName: String, location: SourceLocation) {
        self.sourceName = sourceName
        self.tableName = tableName
        self.location = location
    }
}

/// What a generic test node is an instance of.
public struct TestMetadata: Sendable {
    /// `unique`, `not_null`, `accepted_values`, `relationships`, or a custom test's name.
    public var name: String
    /// The arguments, `column_name` and `model` included as dbt records them.
    public var kwargs: [String: ConfigValue]
    /// The macro namespace (`dbt_utils` in `dbt_utils.expression_is_true`), nil for the project's.
    public var namespace: String?

    public init(name: String, kwargs: [String: ConfigValue], namespace: String?) {
        self.name = name
        self.kwargs = kwargs
        self.namespace = namespace
    }
}
