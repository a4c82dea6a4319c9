import DFXBasics

/// A column declared in properties YAML.
public struct ColumnDefinition: Sendable {
    public var name: String
    public var description: String = ""
    public var dataType: String?
    public var quote: Bool?
    public var meta: [String: ConfigValue] = [:]
    public var tags: [String] = []
    /// Generic tests declared on this column (`tests:` or `data_tests:`).
    public var tests: [TestDefinition] = []
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
