/// The shared, mutable, insertion-ordered storage behind a dict value.
public final class DictStorage: @unchecked Sendable {
    /// Keys in insertion order.
    public private(set) var keys: [Value] = []
    /// Values, parallel to `keys`.
    public private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]
    /// Whether this is a `namespace()` object (the only kind `{% set ns.attr = ... %}` may change).
    public let isNamespace: Bool

    public init(isNamespace: Bool = false) { self.isNamespace = isNamespace }

    /// The number of entries.
    public var count: Int { keys.count }

    /// The value for `key`, or nil.
    public func get(_ key: Value) -> Value? {
        guard let hashKey = HashKey(key), let position = index[hashKey] else { return nil }
        return values[position]
    }

    /// The value for a string key, or nil.
    public func get(_ key: String) -> Value? {
        guard let position = index[.string(key)] else { return nil }
        return values[position]
    }

    /// Sets `key` to `value`, keeping the original position of an existing key.
    /// Returns false when the key is not hashable.
    @discardableResult
    public func set(_ key: Value, _ value: Value) -> Bool {
        guard let hashKey = HashKey(key) else { return false }
        if let position = index[hashKey] {
            values[position] = value
        } else {
            index[hashKey] = keys.count
            keys.append(key)
            values.append(value)
        }
        return true
    }

    /// Removes `key`, returning its value.
    public func remove(_ key: Value) -> Value? {
        guard let hashKey = HashKey(key), let position = index[hashKey] else { return nil }
        let value = values[position]
        keys.remove(at: position)
        values.remove(at: position)
        index.removeAll(keepingCapacity: true)
        for (offset, key) in keys.enumerated() {
            if let hashKey = HashKey(key) { index[hashKey] = offset }
        }
        return value
    }

    /// A shallow copy.
    public func copy() -> DictStorage {
        let other = DictStorage(isNamespace: isNamespace)
        other.keys = keys
        other.values = values
        other.index = index
        return other
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

extension DictStorage {
    /// A plain-dict copy (for printing namespaces).
    func copyAsDict() -> DictStorage {
        let other = DictStorage()
        for (key, value) in zip(keys, values) { other.set(key, value) }
        return other
    }
}
