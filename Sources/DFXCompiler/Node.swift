import DFXBasics
import DFXProject
import DFXTemplate

/// One node of the project graph after parsing: a model, seed, snapshot, test, analysis or source.
///
/// Field names follow dbt's manifest where they exist, so the manifest writer is a direct mapping.
/// A node's fields live in one shared, copy-on-write box: a 10,000-model manifest copies nodes often
/// (lookups by unique ID, selection, rendering, the manifest writer), and copying a struct of some thirty
/// strings, arrays and dictionaries retained each of them; a copy now retains one reference.
public struct Node: Sendable {
    private var storage: NodeStorage

    public init(
        uniqueID: String, resourceType: ResourceType, name: String, packageName: String, fqn: [String],
        path: String, originalFilePath: String, location: SourceLocation
    ) {
        storage = NodeStorage(
            uniqueID: uniqueID, resourceType: resourceType, name: name, packageName: packageName, fqn: fqn, path: path,
            originalFilePath: originalFilePath, location: location)
    }

    /// The box, copied first if another node value shares it.
    private var uniqueStorage: NodeStorage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var uniqueID: String {
        get { storage.uniqueID }
        _modify { yield &uniqueStorage.uniqueID }
        set { uniqueStorage.uniqueID = newValue }
    }
    public var resourceType: ResourceType {
        get { storage.resourceType }
        _modify { yield &uniqueStorage.resourceType }
        set { uniqueStorage.resourceType = newValue }
    }
    public var name: String {
        get { storage.name }
        _modify { yield &uniqueStorage.name }
        set { uniqueStorage.name = newValue }
    }
    public var packageName: String {
        get { storage.packageName }
        _modify { yield &uniqueStorage.packageName }
        set { uniqueStorage.packageName = newValue }
    }
    /// `[package, folders..., name]`, the basis of selection by name and of config resolution.
    public var fqn: [String] {
        get { storage.fqn }
        _modify { yield &uniqueStorage.fqn }
        set { uniqueStorage.fqn = newValue }
    }
    /// Path relative to its resource folder (dbt's `path`).
    public var path: String {
        get { storage.path }
        _modify { yield &uniqueStorage.path }
        set { uniqueStorage.path = newValue }
    }
    /// Path relative to the project root (dbt's `original_file_path`).
    public var originalFilePath: String {
        get { storage.originalFilePath }
        _modify { yield &uniqueStorage.originalFilePath }
        set { uniqueStorage.originalFilePath = newValue }
    }
    /// Where the node is defined (the file's first line, a YAML entry, a snapshot block's tag).
    public var location: SourceLocation {
        get { storage.location }
        _modify { yield &uniqueStorage.location }
        set { uniqueStorage.location = newValue }
    }
    /// The fully merged config: project file < properties YAML < `config()` in the file.
    public var config: [String: ConfigValue] {
        get { storage.config }
        _modify { yield &uniqueStorage.config }
        set { uniqueStorage.config = newValue }
    }
    public var database: String? {
        get { storage.database }
        _modify { yield &uniqueStorage.database }
        set { uniqueStorage.database = newValue }
    }
    public var schema: String {
        get { storage.schema }
        _modify { yield &uniqueStorage.schema }
        set { uniqueStorage.schema = newValue }
    }
    public var alias: String {
        get { storage.alias }
        _modify { yield &uniqueStorage.alias }
        set { uniqueStorage.alias = newValue }
    }
    public var description: String {
        get { storage.description }
        _modify { yield &uniqueStorage.description }
        set { uniqueStorage.description = newValue }
    }
    public var columns: [ColumnDefinition] {
        get { storage.columns }
        _modify { yield &uniqueStorage.columns }
        set { uniqueStorage.columns = newValue }
    }
    public var rawCode: String {
        get { storage.rawCode }
        _modify { yield &uniqueStorage.rawCode }
        set { uniqueStorage.rawCode = newValue }
    }
    /// The compiled template of `rawCode` (nil for seeds and sources).
    public var template: Template? {
        get { storage.template }
        _modify { yield &uniqueStorage.template }
        set { uniqueStorage.template = newValue }
    }
    /// `ref()` calls, in order of appearance.
    public var refs: [Reference] {
        get { storage.refs }
        _modify { yield &uniqueStorage.refs }
        set { uniqueStorage.refs = newValue }
    }
    /// `source()` calls, in order of appearance.
    public var sourceReferences: [SourceReference] {
        get { storage.sourceReferences }
        _modify { yield &uniqueStorage.sourceReferences }
        set { uniqueStorage.sourceReferences = newValue }
    }
    /// Unique IDs of the nodes this node depends on, resolved from `refs` and `sourceReferences`.
    public var dependsOnNodes: [String] {
        get { storage.dependsOnNodes }
        _modify { yield &uniqueStorage.dependsOnNodes }
        set { uniqueStorage.dependsOnNodes = newValue }
    }
    public var dependsOnMacros: [String] {
        get { storage.dependsOnMacros }
        _modify { yield &uniqueStorage.dependsOnMacros }
        set { uniqueStorage.dependsOnMacros = newValue }
    }
    /// SHA-256 of the file (or of the YAML entry for YAML-declared resources).
    public var checksum: String {
        get { storage.checksum }
        _modify { yield &uniqueStorage.checksum }
        set { uniqueStorage.checksum = newValue }
    }
    /// The properties file that described this node, if any (`project://models/schema.yml` form).
    public var patchPath: String? {
        get { storage.patchPath }
        _modify { yield &uniqueStorage.patchPath }
        set { uniqueStorage.patchPath = newValue }
    }
    /// For generic tests: the test's name, arguments and namespace.
    public var testMetadata: TestMetadata? {
        get { storage.testMetadata }
        _modify { yield &uniqueStorage.testMetadata }
        set { uniqueStorage.testMetadata = newValue }
    }
    /// For column-level tests: the column.
    public var columnName: String? {
        get { storage.columnName }
        _modify { yield &uniqueStorage.columnName }
        set { uniqueStorage.columnName = newValue }
    }
    /// For tests: the unique ID of the node the test is attached to.
    public var attachedNode: String? {
        get { storage.attachedNode }
        _modify { yield &uniqueStorage.attachedNode }
        set { uniqueStorage.attachedNode = newValue }
    }
    /// For sources: the source's name, the table's identifier and freshness settings.
    public var sourceName: String? {
        get { storage.sourceName }
        _modify { yield &uniqueStorage.sourceName }
        set { uniqueStorage.sourceName = newValue }
    }
    public var identifier: String? {
        get { storage.identifier }
        _modify { yield &uniqueStorage.identifier }
        set { uniqueStorage.identifier = newValue }
    }
    public var loadedAtField: String? {
        get { storage.loadedAtField }
        _modify { yield &uniqueStorage.loadedAtField }
        set { uniqueStorage.loadedAtField = newValue }
    }
    public var freshness: ConfigValue? {
        get { storage.freshness }
        _modify { yield &uniqueStorage.freshness }
        set { uniqueStorage.freshness = newValue }
    }
    /// For analyses and seeds: no SQL runs; for seeds, the CSV's absolute path.
    public var seedFilePath: String? {
        get { storage.seedFilePath }
        _modify { yield &uniqueStorage.seedFilePath }
        set { uniqueStorage.seedFilePath = newValue }
    }
}

/// The fields of a `Node`, shared between copies until one of them changes.
///
/// `@unchecked Sendable`: a box is only mutated through a `Node` that holds the only reference to it.
final class NodeStorage: @unchecked Sendable {
    var uniqueID: String
    var resourceType: ResourceType
    var name: String
    var packageName: String
    var fqn: [String]
    var path: String
    var originalFilePath: String
    var location: SourceLocation
    var config: [String: ConfigValue] = [:]
    var database: String?
    var schema: String = ""
    var alias: String = ""
    var description: String = ""
    var columns: [ColumnDefinition] = []
    var rawCode: String = ""
    var template: Template?
    var refs: [Reference] = []
    var sourceReferences: [SourceReference] = []
    var dependsOnNodes: [String] = []
    var dependsOnMacros: [String] = []
    var checksum: String = ""
    var patchPath: String?
    var testMetadata: TestMetadata?
    var columnName: String?
    var attachedNode: String?
    var sourceName: String?
    var identifier: String?
    var loadedAtField: String?
    var freshness: ConfigValue?
    var seedFilePath: String?

    init(
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

    /// A box with the same field values.
    func copy() -> NodeStorage {
        let copy = NodeStorage(
            uniqueID: uniqueID, resourceType: resourceType, name: name, packageName: packageName, fqn: fqn, path: path,
            originalFilePath: originalFilePath, location: location)
        copy.config = config
        copy.database = database
        copy.schema = schema
        copy.alias = alias
        copy.description = description
        copy.columns = columns
        copy.rawCode = rawCode
        copy.template = template
        copy.refs = refs
        copy.sourceReferences = sourceReferences
        copy.dependsOnNodes = dependsOnNodes
        copy.dependsOnMacros = dependsOnMacros
        copy.checksum = checksum
        copy.patchPath = patchPath
        copy.testMetadata = testMetadata
        copy.columnName = columnName
        copy.attachedNode = attachedNode
        copy.sourceName = sourceName
        copy.identifier = identifier
        copy.loadedAtField = loadedAtField
        copy.freshness = freshness
        copy.seedFilePath = seedFilePath
        return copy
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
