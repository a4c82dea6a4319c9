import DFXBasics

/// The manifest JSON of the configs written last (`"meta":…,"tags":…,"config":{…}`), so that a
/// config shared by many nodes (every model of a folder, every generic test) is serialised once
/// per batch and copied as bytes after that. At 1,000 models about 2,000 nodes have 350 distinct
/// configs, mostly in runs of neighbours.
///
/// Comparing a config with a remembered one costs a few key lookups; writing it cost sorting its
/// keys and escaping each key and value.
struct ConfigJSONCache {
    private var entries: [(type: ResourceType, config: [String: ConfigValue], members: [UInt8])] = []
    private var next = 0
    /// The entry used last: neighbours share configs, so it is compared first.
    private var recent = 0

    /// How many configs are remembered.
    private static var capacity: Int { 8 }

    /// The members for `node`'s config and resource type: remembered ones, or `make()`'s.
    mutating func members(for node: Node, make: () -> [UInt8]) -> [UInt8] {
        let type = node.resourceType
        let config = node.config
        if recent < entries.count, entries[recent].type == type, entries[recent].config == config { return entries[recent].members }
        for (index, entry) in entries.enumerated() where index != recent && entry.type == type && entry.config == config {
            recent = index
            return entry.members
        }
        let members = make()
        if entries.count < Self.capacity {
            recent = entries.count
            entries.append((type, config, members))
        } else {
            recent = next
            entries[next] = (type, config, members)
            next = (next + 1) % Self.capacity
        }
        return members
    }
}
