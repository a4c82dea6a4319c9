/// A node's configuration value, as far as selection needs it (`config.materialized:table`,
/// `config.meta.owner:alice`).
public indirect enum ConfigValue: Sendable, Hashable {
    /// A string, e.g. `materialized: table`.
    case string(String)
    /// A boolean, e.g. `enabled: true`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A list, e.g. `tags` or `grants.select`.
    case list([ConfigValue])
    /// A mapping, e.g. `meta`; selectors descend into it with `config.meta.owner`.
    case dict([String: ConfigValue])
    /// An explicit null.
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
