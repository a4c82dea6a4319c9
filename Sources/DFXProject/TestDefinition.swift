import DFXBasics

/// One generic data test as declared in properties YAML, before it becomes a node.
///
/// Accepts dbt's forms: `- unique`, `- accepted_values: {values: [...]}`, arguments under
/// `arguments:`, config under `config:` or at the top level (`severity: warn`).
public struct TestDefinition: Sendable {
    /// The test's name as written, possibly namespaced (`dbt_utils.expression_is_true`).
    public var testName: String
    /// Arguments passed to the test macro (besides `model` and `column_name`).
    public var arguments: [String: ConfigValue] = [:]
    /// Config for the test node (`severity`, `where`, `error_if`, `tags`, `enabled`, ...).
    public var config: [String: ConfigValue] = [:]
    /// A user-given name (`name:`), replacing the generated one.
    public var customName: String?
    /// Where the test is declared (the list item).
    public var location: SourceLocation
    /// Where each argument and config value is written, for errors that point at them.
    public var valueLocations: [String: SourceLocation] = [:]

    public init(testName: String, location: SourceLocation) {
        self.testName = testName
        self.location = location
    }
}
