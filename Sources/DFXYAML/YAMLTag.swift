/// The standard YAML 1.1 tags, in the long form libyaml reports (`!!int` → `tag:yaml.org,2002:int`).
enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = prefix + "str"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let bool = prefix + "bool"
    static let null = prefix + "null"
    static let merge = prefix + "merge"
    static let seq = prefix + "seq"
    static let map = prefix + "map"
    /// The non-specific tag `!`: the scalar is a string.
    static let nonSpecific = "!"

    /// Scalar tags PyYAML's SafeLoader constructs (binary and timestamp are kept as text here).
    static let scalarTags: Set<String> = [
        str, int, float, bool, null, merge, prefix + "binary", prefix + "timestamp", prefix + "value",
        nonSpecific,
    ]
    /// Collection tags PyYAML's SafeLoader constructs.
    static let collectionTags: Set<String> = [
        seq, map, prefix + "omap", prefix + "pairs", prefix + "set", nonSpecific,
    ]

    /// `!!int` for `tag:yaml.org,2002:int`, the tag itself otherwise.
    static func short(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
