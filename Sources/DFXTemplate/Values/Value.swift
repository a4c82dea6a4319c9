/// A template value: what expressions evaluate to and what the host passes in.
///
/// Lists and dicts are reference types, as in Python: `{% do xs.append(1) %}` is seen through
/// every name bound to the same list. Build them with `Value.list(_:)` and `Value.dict(_:)`.
public enum Value: Sendable {
    /// Python `None`.
    case none
    /// A missing name or attribute (Jinja2's `Undefined`).
    case undefined
    /// Python `True`/`False`.
    case bool(Bool)
    /// A 64-bit integer (overflow is an error, not a bigint).
    case int(Int)
    /// A Python float.
    case double(Double)
    /// A Python str.
    case string(String)
    /// A mutable list shared by reference; `isTuple` marks Python tuples (printed with parentheses).
    case listRef(ListStorage)
    /// An insertion-ordered mutable dictionary shared by reference.
    case dictRef(DictStorage)
    /// A host function.
    indirect case function(NativeFunction)
    /// A template macro (possibly closing over the frame that defined it).
    case macro(Macro)
    /// A host object such as dbt's `this`.
    indirect case object(any TemplateObject)

    /// A new list holding `items`.
    public static func list(_ items: [Value]) -> Value { .listRef(ListStorage(items)) }

    /// A new tuple holding `items`.
    public static func tuple(_ items: [Value]) -> Value { .listRef(ListStorage(items, isTuple: true)) }

    /// A new dict with `pairs` in order (later duplicates replace earlier ones).
    public static func dict(_ pairs: [(String, Value)]) -> Value {
        // Host code builds many dicts with distinct literal keys (dbt's `model`, configs): those are
        // stored in one go; only a dict with a repeated key is built entry by entry.
        if Self.hasDistinctKeys(pairs) {
            return .dictRef(DictStorage(distinctKeys: pairs.map { .string($0.0) }, values: pairs.map(\.1)))
        }
        let storage = DictStorage()
        for (key, value) in pairs { storage.set(.string(key), value) }
        return .dictRef(storage)
    }

    /// A new dict from `pairs` whose keys the caller knows to be distinct (literal field names, the
    /// keys of a Swift dictionary): stored as they are, without looking for repeats.
    public static func dict(distinctKeys pairs: [(String, Value)]) -> Value {
        assert(hasDistinctKeys(pairs), "Value.dict(distinctKeys:) given a repeated key")
        return .dictRef(DictStorage(distinctKeys: pairs.map { .string($0.0) }, values: pairs.map(\.1)))
    }

    private static func hasDistinctKeys(_ pairs: [(String, Value)]) -> Bool {
        if pairs.count > 8 {
            var seen = Set<String>(minimumCapacity: pairs.count)
            return pairs.allSatisfy { seen.insert($0.0).inserted }
        }
        for later in pairs.indices {
            for earlier in pairs.indices where earlier < later && pairs[earlier].0 == pairs[later].0 { return false }
        }
        return true
    }

    /// A new dict from a Swift dictionary, keys sorted for a deterministic order.
    public init(dictionary: [String: Value]) {
        self = .dict(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The list's items (tuples included), or nil.
    public var asList: [Value]? {
        if case .listRef(let storage) = self { return storage.items }
        return nil
    }

    /// The dict's string-keyed pairs in order, or nil.
    public var asDict: [(String, Value)]? {
        guard case .dictRef(let storage) = self else { return nil }
        return zip(storage.keys, storage.values).map { ($0.renderedString(), $1) }
    }

    /// The string, or nil when this is not a string.
    public var asString: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer (bools count, as in Python), or nil.
    public var asInt: Int? {
        switch self {
        case .int(let value): return value
        case .bool(let value): return value ? 1 : 0
        default: return nil
        }
    }

    /// True for `.undefined`.
    public var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// True for `.none`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// Python truthiness: empty strings, lists and dicts, zero, None and undefined are false.
    public var isTruthy: Bool {
        switch self {
        case .none, .undefined: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .double(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .listRef(let storage): return !storage.items.isEmpty
        case .dictRef(let storage): return !storage.keys.isEmpty
        case .function, .macro, .object: return true
        }
    }

    /// The Python type name, for error messages (`'int'`, `'str'`, `'list'`...).
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .undefined: return "undefined"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .listRef(let storage): return storage.isTuple ? "tuple" : "list"
        case .dictRef: return "dict"
        case .function: return "function"
        case .macro: return "macro"
        case .object: return "object"
        }
    }
}
