/// A host object exposed to templates, such as dbt's `this` relation.
public protocol TemplateObject: Sendable {
    /// The attribute `name`, or nil when it is undefined.
    func attribute(_ name: String) -> Value?
    /// What `{{ object }}` prints.
    var renderedString: String { get }
}
