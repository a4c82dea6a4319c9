/// The entries of a YAML mapping in source order, with lookup by string key.
///
/// Small mappings (the common case: a column, a test) are searched linearly, which costs no extra
/// allocation; larger ones get a hash index so that lookups stay O(1).
public struct YAMLMapping: Sendable {
    /// One key and its value. A struct rather than a tuple: arrays of tuples are copied and
    /// destroyed through the runtime's generic tuple witnesses, element by element.
    public struct Entry: Sendable {
        /// The key node (usually a plain scalar).
        public let key: YAMLNode
        /// The value node.
        public let value: YAMLNode
        /// The key's scalar text (nil for a collection key), kept in the entry so that a lookup
        /// compares strings without copying (and retaining) key and value nodes.
        let text: String?
        // No initializer here: the memberwise `init(key:value:text:)` assembles an entry in place
        // (see YAMLNode's initializers).
    }

    /// The entries in source order (with `<<` merges, in PyYAML's order: merged keys first).
    public private(set) var entries: [Entry] = []
    private var index: [String: Int]? = nil

    /// Mappings with more entries than this get a hash index.
    static let linearLimit = 8

    /// An empty mapping.
    public init() {}

    /// A mapping of the given entries; for repeated string keys, lookups find the first.
    public init(_ entries: [Entry]) {
        for entry in entries { _ = insert(key: entry.key, value: entry.value) }
    }

    /// The number of entries.
    public var count: Int { entries.count }
    /// True when there are no entries.
    public var isEmpty: Bool { entries.isEmpty }
    /// The scalar keys' texts, in order (non-scalar keys are skipped).
    public var keys: [String] { entries.compactMap(\.text) }

    /// The value for a scalar key's text, or nil.
    public subscript(key: String) -> YAMLNode? {
        guard let position = position(of: key) else { return nil }
        return entries[position].value
    }

    /// The entry (key node included, for locations) for a scalar key's text, or nil.
    public func entry(forKey key: String) -> Entry? {
        guard let position = position(of: key) else { return nil }
        return entries[position]
    }

    /// The position of the entry whose scalar key's text is `key`.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        // Keys of one mapping mostly differ in length: comparing the (stored) UTF-8 counts first
        // skips the general string comparison for nearly every non-matching key.
        let count = key.utf8.count
        return entries.firstIndex { entry in
            guard let text = entry.text else { return false }
            return text.utf8.count == count && text == key
        }
    }

    /// Appends an entry unless its scalar key is already present; returns the position of the
    /// existing entry in that case (and does not append).
    @discardableResult
    mutating func insert(key: consuming YAMLNode, value: consuming YAMLNode) -> Int? {
        let text = key.scalarText
        if let text, let existing = position(of: text) { return existing }
        append(key: key, value: value, text: text)
        return nil
    }

    /// Appends an entry whose key text `text` the caller has checked is not present yet (the key
    /// and value are moved in, not copied).
    mutating func append(key: consuming YAMLNode, value: consuming YAMLNode, text: String?) {
        // Most mappings are small (a column: name and description): one allocation for the first
        // four entries rather than one per doubling.
        if entries.capacity == 0 { entries.reserveCapacity(4) }
        entries.append(Entry(key: key, value: value, text: text))
        if index != nil {
            if let text { index?[text] = entries.count - 1 }
        } else if entries.count > Self.linearLimit {
            var built: [String: Int] = [:]
            built.reserveCapacity(entries.count * 2)
            for (position, entry) in entries.enumerated() {
                if let text = entry.text, built[text] == nil { built[text] = position }
            }
            index = built
        }
    }

    /// Replaces the entry at `position` with one of the same key text (a later value winning).
    mutating func replace(at position: Int, key: YAMLNode, value: YAMLNode) {
        entries[position] = Entry(key: key, value: value, text: entries[position].text)
    }
}

extension YAMLMapping.Entry {
    /// Pairs a key and its value.
    public init(key: YAMLNode, value: YAMLNode) {
        self.init(key: key, value: value, text: key.scalarText)
    }
}
