/// The entries of a YAML mapping in source order, with lookup by string key.
///
/// Small mappings (the common case: a column, a test) are searched linearly, which costs no extra
/// allocation; larger ones get a hash index so that lookups stay O(1).
public struct YAMLMapping: Sendable {
    /// One key and its value.
    public typealias Entry = (key: YAMLNode, value: YAMLNode)

    /// The entries in source order (with `<<` merges, in PyYAML's order: merged keys first).
    public private(set) var entries: [Entry] = []
    /// Each entry's scalar key text, kept beside the entries so that a lookup compares strings
    /// without copying (and retaining) whole key and value nodes.
    private var keyTexts: [String?] = []
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
    public var keys: [String] { keyTexts.compactMap { $0 } }

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
        return keyTexts.firstIndex { $0 == key }
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
        entries.append((consume key, consume value))
        keyTexts.append(text)
        if index != nil {
            if let text { index?[text] = entries.count - 1 }
        } else if entries.count > Self.linearLimit {
            var built: [String: Int] = [:]
            built.reserveCapacity(entries.count * 2)
            for (position, text) in keyTexts.enumerated() {
                if let text, built[text] == nil { built[text] = position }
            }
            index = built
        }
    }

    /// Replaces the entry at `position` with one of the same key text (a later value winning).
    mutating func replace(at position: Int, key: YAMLNode, value: YAMLNode) {
        entries[position] = (key, value)
    }
}
