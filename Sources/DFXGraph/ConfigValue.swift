/// A node's configuration value, as far as selection needs it (`config.materialized:table`,
/// `config.meta.owner:alice`).
public indirect enum ConfigValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([ConfigValue])
    case dict([String: ConfigValue])
    case null

    /// The value at a dotted key path (`["meta", "owner"]`), or nil when a step is missing or not a dict.
    public func value(at path: some Collection<String>) -> ConfigValue? {
        var current = self
        for key in path {
            guard case .dict(let entries) = current, let next = entries[key] else { return nil }
            current = next
        }
        return current
    }
}
