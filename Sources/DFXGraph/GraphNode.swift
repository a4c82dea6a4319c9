import DFXBasics

/// One resource in the dependency graph: a model, seed, snapshot, test, source, analysis or operation.
///
/// The compiler fills these from the loaded project; the graph knows nothing about files or YAML.
public struct GraphNode: Sendable, Hashable {
    /// dbt-style unique ID: `model.pkg.name`, `test.pkg.name.hash`, `source.pkg.src.table`, ….
    public var uniqueID: String
    /// The resource's name (a model's file stem, a source's table name, a test's generated name).
    public var name: String
    /// What kind of resource this is.
    public var resourceType: ResourceType
    /// The package (project) that defines the node.
    public var packageName: String
    /// Fully qualified name: package, folders under the resource path, then the name.
    public var fqn: [String]
    /// The defining file relative to the project root, e.g. `models/staging/stg_orders.sql`.
    public var originalFilePath: String
    /// The YAML file that documents or declares the node, relative to the project root, if any.
    public var patchPath: String?
    /// Tags after config merging (`tag:` selects on these).
    public var tags: [String]
    /// Resolved configuration (`materialized`, `schema`, `meta`, `severity`, …).
    public var config: [String: ConfigValue]
    /// For sources: the source's name (the `src` in `source('src', 'table')`).
    public var sourceName: String?
    /// For tests: generic or singular.
    public var testType: TestType?
    /// For generic tests: the test's macro name (`unique`, `not_null`, `dbt_utils.equality` → `equality`).
    public var testName: String?
    /// Unique IDs this node depends on (dbt's `depends_on.nodes`).
    public var parents: [String]
    /// Where the node is defined, for diagnostics.
    public var location: SourceLocation?

    /// Creates a node; only the identity fields are required.
    public init(
        uniqueID: String, name: String, resourceType: ResourceType, packageName: String,
        fqn: [String], originalFilePath: String, patchPath: String? = nil, tags: [String] = [],
        config: [String: ConfigValue] = [:], sourceName: String? = nil, testType: TestType? = nil,
        testName: String? = nil, parents: [String] = [], location: SourceLocation? = nil
    ) {
        self.uniqueID = uniqueID
        self.name = name
        self.resourceType = resourceType
        self.packageName = packageName
        self.fqn = fqn
        self.originalFilePath = originalFilePath
        self.patchPath = patchPath
        self.tags = tags
        self.config = config
        self.sourceName = sourceName
        self.testType = testType
        self.testName = testName
        self.parents = parents
        self.location = location
    }

    /// `model.p.a (models/a.sql)`: how diagnostics name a node.
    var labelWithPath: String {
        originalFilePath.isEmpty ? uniqueID : "\(uniqueID) (\(originalFilePath))"
    }
}
