import DFXBasics

/// A `sources:` entry of properties YAML: one source and its tables.
public struct SourceDefinition: Sendable {
    public var name: String
    public var database: String?
    /// Defaults to the source's name, as in dbt.
    public var schema: String
    public var description: String = ""
    public var loader: String?
    public var loadedAtField: String?
    public var freshness: ConfigValue?
    public var quoting: [String: ConfigValue] = [:]
    public var meta: [String: ConfigValue] = [:]
    public var tags: [String] = []
    public var config: [String: ConfigValue] = [:]
    public var tables: [SourceTableDefinition] = []
    public var location: SourceLocation
    /// The properties file, relative to the project root.
    public var file: String
    /// Folders between the file's resource folder and the file (`["staging"]`): the fqn's middle.
    public var folders: [String] = []

    public init(name: String, schema: String, location: SourceLocation, file: String) {
        self.name = name
        self.schema = schema
        self.location = location
        self.file = file
    }
}

/// One table of a source.
public struct SourceTableDefinition: Sendable {
    public var name: String
    /// The table's name in the warehouse, when it differs from `name`.
    public var identifier: String?
    public var description: String = ""
    public var loadedAtField: String?
    public var freshness: ConfigValue?
    public var quoting: [String: ConfigValue] = [:]
    public var meta: [String: ConfigValue] = [:]
    public var tags: [String] = []
    public var config: [String: ConfigValue] = [:]
    public var columns: [ColumnDefinition] = []
    /// Table-level generic tests.
    public var tests: [TestDefinition] = []
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
