/// The shared, mutable, insertion-ordered storage behind a dict value.
///
/// Small dicts (the common case: config dicts, kwargs, loop records) are searched linearly; a hash
/// index is built only once a dict grows past `indexThreshold` entries.
public final class DictStorage: @unchecked Sendable {
    /// Keys in insertion order.
    @exclusivity(unchecked) public private(set) var keys: [Value] = []
    /// Values, parallel to `keys`.
    @exclusivity(unchecked) public private(set) var values: [Value] = []
    @exclusivity(unchecked) private var index: [HashKey: Int]?
    /// The shared key table of a dict built by a display with literal keys, while its keys are those.
    @exclusivity(unchecked) private var shape: KeyShape?
    /// Whether this is a `namespace()` object (the only kind `{% set ns.attr = ... %}` may change).
    public let isNamespace: Bool

    /// Up to this many keys, a linear scan of short keys costs less than hashing (and building the
    /// index of a 13-key dict cost more than all the lookups most such dicts ever get).
    static let indexThreshold = 24

    /// An empty dict (or `namespace()` object).
    public init(isNamespace: Bool = false) { self.isNamespace = isNamespace }

    /// An empty dict with room for `capacity` entries.
    init(capacity: Int) {
        self.isNamespace = false
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// A dict of distinct, hashable `keys` (checked by the caller) with parallel `values`; `shape`,
    /// when given, indexes exactly these keys.
    init(distinctKeys keys: [Value], values: [Value], shape: KeyShape? = nil) {
        self.isNamespace = false
        self.keys = keys
        self.values = values
        self.shape = shape
        if keys.count > DictStorage.indexThreshold { rebuildIndex() }
    }

    /// The number of entries.
    public var count: Int { keys.count }

    private func position(of key: HashKey) -> Int? {
        if let index { return index[key] }
        for (offset, candidate) in keys.enumerated() where HashKey(candidate) == key { return offset }
        return nil
    }

    private func position(ofString key: String) -> Int? {
        if let index { return index[.string(key)] }
        for (offset, candidate) in keys.enumerated() {
            if case .string(let text) = candidate, text == key { return offset }
        }
        return nil
    }

    /// The value for `key`, or nil.
    public func get(_ key: Value) -> Value? {
        if case .string(let text) = key { return get(text) }
        guard let hashKey = HashKey(key), let found = position(of: hashKey) else { return nil }
        return values[found]
    }

    /// Appends the text of the string or int stored under `key`; false (nothing appended) when the
    /// key is missing or holds another kind of value.
    func appendText(of key: String, hash: UInt64, to out: inout OutputBuffer) -> Bool {
        guard let found = position(ofString: key, hash: hash) else { return false }
        // A plain subscript: `withUnsafeBufferPointer` retained the array and copied the entry.
        switch values[found] {
        case .string(let text):
            out.appendUTF8(text)
            return true
        case .int(let number):
            out.appendDecimal(number)
            return true
        default:
            return false
        }
    }

    /// The value for a string key, or nil.
    public func get(_ key: String) -> Value? {
        guard let found = position(ofString: key) else { return nil }
        return values[found]
    }

    /// The value for a string key whose `NameKey.hash` is `hash` (an attribute node has it from
    /// compile time), or nil.
    func get(_ key: String, hash: UInt64) -> Value? {
        guard let found = position(ofString: key, hash: hash) else { return nil }
        return values[found]
    }

    @inline(__always)
    private func position(ofString key: String, hash: UInt64) -> Int? {
        if let shape { return shape.position(of: key, hash: hash) }
        return position(ofString: key)
    }

    /// Sets `key` to `value`, keeping the original position of an existing key.
    /// Returns false when the key is not hashable.
    @discardableResult
    public func set(_ key: Value, _ value: Value) -> Bool {
        let found: Int?
        if case .string(let text) = key {
            found = position(ofString: text)
        } else {
            guard let hashKey = HashKey(key) else { return false }
            found = position(of: hashKey)
        }
        if let found {
            values[found] = value
            return true
        }
        if index != nil, let hashKey = HashKey(key) { index?[hashKey] = keys.count }
        shape = nil
        keys.append(key)
        values.append(value)
        if index == nil, keys.count > DictStorage.indexThreshold { rebuildIndex() }
        return true
    }

    private func rebuildIndex() {
        var built: [HashKey: Int] = [:]
        built.reserveCapacity(keys.count * 2)
        for (offset, key) in keys.enumerated() {
            if let hashKey = HashKey(key) { built[hashKey] = offset }
        }
        index = built
    }

    /// Removes `key`, returning its value.
    public func remove(_ key: Value) -> Value? {
        guard let hashKey = HashKey(key), let found = position(of: hashKey) else { return nil }
        let value = values[found]
        shape = nil
        keys.remove(at: found)
        values.remove(at: found)
        if index != nil { rebuildIndex() }
        return value
    }

    /// A shallow copy.
    public func copy() -> DictStorage {
        let other = DictStorage(isNamespace: isNamespace)
        other.keys = keys
        other.values = values
        other.index = index
        other.shape = shape
        return other
    }

    /// A plain-dict copy (for printing namespaces).
    func copyAsDict() -> DictStorage {
        let other = copy()
        return DictStorage(copying: other)
    }

    private init(copying other: DictStorage) {
        self.isNamespace = false
        self.keys = other.keys
        self.values = other.values
        self.index = other.index
        self.shape = other.shape
    }
}

/// The hashable identity of a dict key, with Python's `1 == 1.0 == True` equivalence.
enum HashKey: Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case none

    init?(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        case .bool(let flag): self = .int(flag ? 1 : 0)
        case .double(let number):
            if let exact = Int(exactly: number) { self = .int(exact) } else { self = .double(number) }
        case .none: self = .none
        default: return nil
        }
    }
}
