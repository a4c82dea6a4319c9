import DFXBasics

/// One resource type's config tree from the project file (`models:` etc.), keyed by path.
///
/// A key starting with `+` is always a config; a known config name whose value is not a folder of
/// further configs is a config too (`materialized: view`); any other key names a package or folder.
/// Resolution walks the node's fqn from the root, so the deepest folder wins (dbt's rule).
public struct ConfigTree: Sendable {
    /// Configs set at this level.
    public var configs: [String: ConfigValue] = [:]
    /// Sub-trees by package or folder name.
    public var children: [String: ConfigTree] = [:]

    public init(configs: [String: ConfigValue] = [:], children: [String: ConfigTree] = [:]) {
        self.configs = configs
        self.children = children
    }

    /// The merged configs for a node whose fqn is `fqn` (`[package, folder..., name]`).
    ///
    /// The first component must match the package; levels apply from shallow to deep.
    public func resolve(fqn: [String]) -> [String: ConfigValue] {
        var merged = configs
        var level = self
        for component in fqn {
            guard let next = level.children[component] else { break }
            ConfigMerge.apply(next.configs, onto: &merged)
            level = next
        }
        return merged
    }
}
