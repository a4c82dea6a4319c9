/// Python methods on strings, lists and dicts that dbt code calls (`x.lower()`, `xs.append(1)`).
enum Methods {
    /// Calls method `name` on `base`; nil when the type has no such built-in method.
    static func call(_ base: Value, _ name: String, _ positional: [Value], _ keyword: [(String, Value)]) throws -> Value? {
        let arguments = FilterArguments(positional: positional, keyword: keyword)
        switch base {
        case .string(let text): return try StringMethods.call(text, name, arguments)
        case .listRef(let storage): return try listMethod(storage, name, arguments)
        case .dictRef(let storage): return try dictMethod(storage, name, arguments)
        default: return nil
        }
    }

    static func listMethod(_ storage: ListStorage, _ name: String, _ arguments: FilterArguments) throws -> Value? {
        func mutable() throws {
            if storage.isTuple { throw TemplateRuntimeError("'tuple' object has no attribute '\(name)'") }
        }
        switch name {
        case "append":
            try mutable()
            storage.items.append(try arguments.required(0, "object"))
            return Value.none
        case "extend":
            try mutable()
            let other = try arguments.required(0, "iterable")
            guard let items = Filters.sequence(other) else {
                throw TemplateRuntimeError("'\(other.typeName)' object is not iterable")
            }
            storage.items.append(contentsOf: items)
            return Value.none
        case "pop":
            try mutable()
            guard !storage.items.isEmpty else { throw TemplateRuntimeError("pop from empty list") }
            let index = arguments.value(0, "index")?.asInt ?? -1
            let resolved = index < 0 ? index + storage.items.count : index
            guard resolved >= 0, resolved < storage.items.count else { throw TemplateRuntimeError("pop index out of range") }
            return storage.items.remove(at: resolved)
        case "insert":
            try mutable()
            guard let index = try arguments.required(0, "index").asInt else {
                throw TemplateRuntimeError("list.insert() index must be an integer")
            }
            let count = storage.items.count
            let resolved = min(max(index < 0 ? index + count : index, 0), count)
            storage.items.insert(try arguments.required(1, "object"), at: resolved)
            return Value.none
        case "remove":
            try mutable()
            let target = try arguments.required(0, "value")
            guard let index = storage.items.firstIndex(where: { $0.isEqual(to: target) }) else {
                throw TemplateRuntimeError("list.remove(x): x not in list")
            }
            storage.items.remove(at: index)
            return Value.none
        case "index":
            let target = try arguments.required(0, "value")
            guard let index = storage.items.firstIndex(where: { $0.isEqual(to: target) }) else {
                throw TemplateRuntimeError("\(target.reprString()) is not in list")
            }
            return .int(index)
        case "count":
            let target = try arguments.required(0, "value")
            return .int(storage.items.filter { $0.isEqual(to: target) }.count)
        case "reverse":
            try mutable()
            storage.items.reverse()
            return Value.none
        case "sort":
            try mutable()
            storage.items = try Filters.sorted(storage.items, reverse: arguments.value(1, "reverse")?.isTruthy ?? false)
            return Value.none
        case "copy":
            return .list(storage.items)
        case "clear":
            try mutable()
            storage.items.removeAll()
            return Value.none
        default:
            return nil
        }
    }

    static func dictMethod(_ storage: DictStorage, _ name: String, _ arguments: FilterArguments) throws -> Value? {
        switch name {
        case "items":
            return .list(zip(storage.keys, storage.values).map { .tuple([$0, $1]) })
        case "keys":
            return .list(storage.keys)
        case "values":
            return .list(storage.values)
        case "get":
            let key = try arguments.required(0, "key")
            return storage.get(key) ?? (arguments.value(1, "default") ?? Value.none)
        case "update":
            if let other = arguments.value(0, "other") {
                guard case .dictRef(let source) = other else {
                    throw TemplateRuntimeError("dict.update() needs a dict, not '\(other.typeName)'")
                }
                for (key, value) in zip(source.keys, source.values) { storage.set(key, value) }
            }
            for (key, value) in arguments.keyword { storage.set(.string(key), value) }
            return Value.none
        case "pop":
            let key = try arguments.required(0, "key")
            if let value = storage.remove(key) { return value }
            if let fallback = arguments.value(1, "default") { return fallback }
            throw TemplateRuntimeError("key \(key.reprString()) not found")
        case "setdefault":
            let key = try arguments.required(0, "key")
            if let value = storage.get(key) { return value }
            let fallback = arguments.value(1, "default") ?? Value.none
            guard storage.set(key, fallback) else { throw TemplateRuntimeError("unhashable type: '\(key.typeName)'") }
            return fallback
        case "copy":
            return .dictRef(storage.copy())
        case "clear":
            for key in storage.keys { _ = storage.remove(key) }
            return Value.none
        default:
            return nil
        }
    }
}
