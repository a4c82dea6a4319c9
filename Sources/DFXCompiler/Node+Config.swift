import DFXBasics

extension Node {
    /// `materialized`, defaulting as dbt does (models are views; seeds, snapshots, tests their own).
    public var materialized: String {
        if let value = config["materialized"]?.stringValue { return value }
        switch resourceType {
        case .seed: return "seed"
        case .snapshot: return "snapshot"
        case .test: return "test"
        case .analysis, .model: return "view"
        default: return resourceType.rawValue
        }
    }

    /// Whether the node is enabled (`enabled: false` removes it from the graph). A templated value
    /// (`+enabled: "{{ var('x', false) }}"`) renders to the text `False`, which counts as false too.
    public var isEnabled: Bool {
        if case .string(let text)? = config["enabled"] { return text.trimmingSpaces.lowercased() != "false" }
        return config["enabled"]?.boolValue ?? true
    }

    /// Tags from config, deduplicated in order.
    public var tags: [String] {
        let listed = config["tags"]?.stringList ?? []
        // Nodes have a few tags: a linear check costs less than hashing them into a set.
        guard listed.count > 1 else { return listed }
        var unique: [String] = []
        unique.reserveCapacity(listed.count)
        for tag in listed where !unique.contains(tag) { unique.append(tag) }
        return unique
    }

    /// `meta` from config.
    public var meta: [String: ConfigValue] { config["meta"]?.dictValue ?? [:] }

    /// Whether the node is inlined into its consumers instead of being built.
    public var isEphemeral: Bool { resourceType == .model && materialized == "ephemeral" }
}
