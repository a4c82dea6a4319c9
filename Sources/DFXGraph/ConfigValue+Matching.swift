import DFXBasics

extension ConfigValue {
    /// Whether `config.<key>:<selector>` selects a node whose config value at the key is `self`.
    ///
    /// As dbt's `ConfigSelectorMethod`: a scalar matches when equal to the selector; a list matches
    /// when it contains the selector; a dict never matches (name a nested key instead); `true`/`false`
    /// compare case-insensitively with booleans. dbt compares Python values, so `config.x:5` never
    /// equals the integer 5 there; dfx compares numbers by their decimal spelling, which is what users mean.
    /// `caseInsensitive` is used for `config.severity`, as dbt does.
    func matchesSelector(_ selector: String, caseInsensitive: Bool = false) -> Bool {
        switch self {
        case .list(let items):
            return items.contains { $0.scalarMatches(selector, caseInsensitive: caseInsensitive) }
        case .dict:
            return false
        default:
            return scalarMatches(selector, caseInsensitive: caseInsensitive)
        }
    }

    private func scalarMatches(_ selector: String, caseInsensitive: Bool) -> Bool {
        switch self {
        case .string(let text):
            return caseInsensitive ? text.lowercased() == selector.lowercased() : text == selector
        case .bool(let flag):
            return selector.lowercased() == (flag ? "true" : "false")
        case .int(let number):
            return String(number) == selector
        case .double(let number):
            return String(number) == selector || Double(selector) == number
        case .null, .list, .dict:
            return false
        }
    }
}
