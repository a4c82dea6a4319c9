import DFXBasics

extension ConfigValue {
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
