import DFXBasics

/// A `models:`, `seeds:`, `snapshots:` or `analyses:` entry of properties YAML.
public struct ResourceProperties: Sendable {
    public var resourceType: ResourceType
    public var name: String
    public var description: String = ""
    public var config: [String: ConfigValue] = [:]
    public var columns: [ColumnDefinition] = []
    /// Model-level generic tests.
    public var tests: [TestDefinition] = []
    /// For YAML-declared snapshots: the relation (`ref('x')` or `source('s', 't')`) to snapshot.
    public var relation: String?
    public var location: SourceLocation
    /// The properties file, relative to the project root.
    public var file: String
    /// Folders between the file's resource folder and the file (`["staging"]`): the fqn's middle.
    public var folders: [String] = []

    public init(resourceType: ResourceType, name: String, location: SourceLocation, file: String) {
        self.resourceType = resourceType
        self.name = name
        self.location = location
        self.file = file
    }
}
