import DFXBasics
import DFXYAML

/// Reads one entry of a `tests:` / `data_tests:` list, in each of dbt's spellings:
///
/// ```yaml
/// - unique
/// - accepted_values: {values: [a, b], severity: warn}
/// - relationships:
///     arguments: {to: ref('customers'), field: id}
///     config: {where: "status <> 'test'"}
/// - name: orders_have_customers      # a custom name
///   test_name: relationships
///   to: ref('customers')
///   field: id
/// ```
struct TestDefinitionDecoder {
    /// Keys that configure the test node rather than being passed to the test.
    static let configKeys: Set<String> = KnownConfigKeys.test.union([
        "tags", "enabled", "meta", "alias", "schema", "database", "store_failures", "severity",
    ])

    func decode(_ node: YAMLNode) throws(DiagnosticError) -> TestDefinition {
        if let text = node.scalarText, node.mapping == nil {
            guard !text.isEmpty else { throw DiagnosticError(node.diagnostic("a test needs a name")) }
            return TestDefinition(testName: text, location: node.location)
        }
        guard let mapping = node.mapping else {
            throw DiagnosticError(node.typeMismatch("a test", expected: "a name or a mapping"))
        }
        if mapping["test_name"] != nil {
            var reader = try YAMLMappingReader(node, context: "a test")
            let testName = try reader.requiredString("test_name")
            var definition = TestDefinition(testName: testName, location: node.location)
            try fill(&definition, from: node, skipping: ["test_name"])
            return definition
        }
        guard mapping.count == 1, let entry = mapping.entries.first, let testName = entry.key.scalarText else {
            throw DiagnosticError(
                node.diagnostic(
                    "a test must be a name, or a mapping with exactly one key (the test's name)",
                    hint: "write '- accepted_values: {values: [...]}', or use 'test_name:' with a custom 'name:'"))
        }
        var definition = TestDefinition(testName: testName, location: entry.key.location)
        if !entry.value.isNull {
            guard entry.value.mapping != nil else {
                throw DiagnosticError(entry.value.typeMismatch("the arguments of test '\(testName)'", expected: "a mapping"))
            }
            try fill(&definition, from: entry.value, skipping: [])
        }
        return definition
    }

    private func fill(_ definition: inout TestDefinition, from node: YAMLNode, skipping: Set<String>) throws(DiagnosticError) {
        guard let mapping = node.mapping else { return }
        // One allocation for the usual handful of locations, not one per growth (and rehash).
        definition.valueLocations.reserveCapacity(8)
        for entry in mapping.entries {
            guard let key = entry.key.scalarText, !skipping.contains(key) else { continue }
            let value = try entry.value.configValue(render: nil)
            definition.valueLocations[key] = entry.value.location
            switch key {
            case "name":
                guard case .string(let name) = value else {
                    throw DiagnosticError(entry.value.typeMismatch("'name'", expected: "a string"))
                }
                definition.customName = name
            case "config":
                guard case .dict(let entries) = value else {
                    throw DiagnosticError(entry.value.typeMismatch("'config'", expected: "a mapping"))
                }
                ConfigMerge.apply(entries, onto: &definition.config)
                for inner in entry.value.mapping?.entries ?? [] {
                    if let innerKey = inner.key.scalarText { definition.valueLocations[innerKey] = inner.value.location }
                }
            case "arguments":
                guard case .dict(let entries) = value else {
                    throw DiagnosticError(entry.value.typeMismatch("'arguments'", expected: "a mapping"))
                }
                for (argument, argumentValue) in entries { definition.arguments[argument] = argumentValue }
                for inner in entry.value.mapping?.entries ?? [] {
                    if let innerKey = inner.key.scalarText { definition.valueLocations[innerKey] = inner.value.location }
                }
            default:
                if Self.configKeys.contains(key) {
                    ConfigMerge.apply([key: value], onto: &definition.config)
                } else {
                    definition.arguments[key] = value
                }
            }
        }
    }
}
