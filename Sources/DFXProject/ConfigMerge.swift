import DFXBasics

/// dbt's rules for combining configs from several places (project file, properties YAML, `config()`).
///
/// Most keys are replaced by the more specific place; `tags`, `pre-hook` and `post-hook` append;
/// `meta`, `docs`, `persist_docs`, `quoting`, `column_types` and `grants` merge key by key.
public enum ConfigMerge {
    static let appendingKeys: Set<String> = ["tags", "pre-hook", "post-hook"]
    static let mergingKeys: Set<String> = ["meta", "docs", "persist_docs", "quoting", "column_types", "grants"]

    /// The spelling dfx stores for a config key: `+` dropped, `pre_hook` → `pre-hook`.
    public static func canonicalKey(_ key: String) -> String {
        var name = key.hasPrefix("+") ? String(key.dropFirst()) : key
        if name == "pre_hook" { name = "pre-hook" } else if name == "post_hook" { name = "post-hook" }
        return name
    }

    /// Applies `overrides` (more specific) onto `base`.
    public static func apply(_ overrides: [String: ConfigValue], onto base: inout [String: ConfigValue]) {
        for (rawKey, value) in overrides {
            let key = canonicalKey(rawKey)
            if appendingKeys.contains(key) {
                let existing = base[key].map(listOf) ?? []
                base[key] = .list(existing + listOf(value))
            } else if mergingKeys.contains(key), case .dict(let newEntries) = value,
                case .dict(var entries)? = base[key]
            {
                for (entryKey, entryValue) in newEntries { entries[entryKey] = entryValue }
                base[key] = .dict(entries)
            } else {
                base[key] = value
            }
        }
    }

    /// `overrides` applied onto `base`, as a new dictionary.
    public static func merged(_ base: [String: ConfigValue], _ overrides: [String: ConfigValue]) -> [String: ConfigValue] {
        var result = base
        apply(overrides, onto: &result)
        return result
    }

    private static func listOf(_ value: ConfigValue) -> [ConfigValue] {
        switch value {
        case .list(let items): return items
        case .null: return []
        default: return [value]
        }
    }
}
