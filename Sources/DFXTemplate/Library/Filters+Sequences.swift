extension Filters {
    static let sequenceFilters: [(String, FilterBox)] = [
        ("length", FilterBox(lengthFilter)), ("count", FilterBox(lengthFilter)),
        ("list", FilterBox { _, value, _ in .list(try items(value, "list")) }),
        ("first", FilterBox { _, value, _ in try items(value, "first").first ?? .undefined }),
        ("last", FilterBox { _, value, _ in try items(value, "last").last ?? .undefined }),
        ("reverse", FilterBox { _, value, _ in
            if case .string(let text) = value { return .string(String(text.reversed())) }
            return .list(try items(value, "reverse").reversed())
        }),
        ("join", FilterBox { _, value, arguments in
            let separator = arguments.string(0, "d") ?? ""
            var elements = try items(value, "join")
            if let path = arguments.string(1, "attribute") { elements = elements.map { attribute($0, path) } }
            return .string(elements.map { $0.renderedString() }.joined(separator: separator))
        }),
        ("sort", FilterBox { _, value, arguments in
            let path = arguments.string(2, "attribute")
            return .list(
                try sorted(
                    try items(value, "sort"), reverse: arguments.bool(0, "reverse", default: false),
                    caseSensitive: arguments.bool(1, "case_sensitive", default: false),
                    key: path.map { path in { attribute($0, path) } }))
        }),
        ("unique", FilterBox { _, value, arguments in
            let caseSensitive = arguments.bool(0, "case_sensitive", default: false)
            let path = arguments.string(1, "attribute")
            var seen: [Value] = []
            var result: [Value] = []
            for item in try items(value, "unique") {
                var key = path.map { attribute(item, $0) } ?? item
                if !caseSensitive, case .string(let text) = key { key = .string(text.lowercased()) }
                if !seen.contains(where: { $0.isEqual(to: key) }) {
                    seen.append(key)
                    result.append(item)
                }
            }
            return .list(result)
        }),
        ("min", FilterBox { _, value, arguments in try extreme(value, arguments, wantMax: false) }),
        ("max", FilterBox { _, value, arguments in try extreme(value, arguments, wantMax: true) }),
        ("sum", FilterBox { _, value, arguments in
            var total = arguments.value(1, "start") ?? .int(0)
            let path = arguments.string(0, "attribute")
            for item in try items(value, "sum") {
                total = try Operators.binary(.add, total, path.map { attribute(item, $0) } ?? item)
            }
            return total
        }),
        ("map", FilterBox { renderer, value, arguments in
            let elements = try items(value, "map")
            if let path = arguments.keyword.first(where: { $0.0 == "attribute" })?.1.renderedString() {
                let fallback = arguments.keyword.first { $0.0 == "default" }?.1
                return .list(elements.map { item in
                    let found = attribute(item, path)
                    return found.isUndefined ? (fallback ?? found) : found
                })
            }
            guard let name = arguments.positional.first?.renderedString() else {
                throw TemplateRuntimeError("map() needs a filter name or attribute=")
            }
            let filter = try byName(name)
            let rest = FilterArguments(positional: Array(arguments.positional.dropFirst()), keyword: arguments.keyword)
            return .list(try elements.map { try filter(renderer, $0, rest) })
        }),
        ("select", FilterBox { renderer, value, arguments in try selectItems(renderer, value, arguments, attribute: false, keep: true) }),
        ("reject", FilterBox { renderer, value, arguments in try selectItems(renderer, value, arguments, attribute: false, keep: false) }),
        ("selectattr", FilterBox { renderer, value, arguments in try selectItems(renderer, value, arguments, attribute: true, keep: true) }),
        ("rejectattr", FilterBox { renderer, value, arguments in try selectItems(renderer, value, arguments, attribute: true, keep: false) }),
        ("batch", FilterBox { _, value, arguments in
            let size = try arguments.int(0, "linecount", default: 1)
            guard size > 0, size <= 1_000_000 else { throw TemplateRuntimeError("batch size must be between 1 and 1000000") }
            let fill = arguments.value(1, "fill_with")
            let elements = try items(value, "batch")
            var batches: [Value] = []
            var index = 0
            while index < elements.count {
                var chunk = Array(elements[index..<min(index + size, elements.count)])
                if let fill, chunk.count < size { chunk += Array(repeating: fill, count: size - chunk.count) }
                batches.append(.list(chunk))
                index += size
            }
            return .list(batches)
        }),
        ("slice", FilterBox { _, value, arguments in
            let slices = try arguments.int(0, "slices", default: 1)
            guard slices > 0, slices < 100_000 else { throw TemplateRuntimeError("slice count must be positive") }
            let fill = arguments.value(1, "fill_with")
            let elements = try items(value, "slice")
            let perSlice = elements.count / slices
            let withExtra = elements.count % slices
            var offset = 0
            var result: [Value] = []
            for index in 0..<slices {
                let start = offset + index * perSlice
                if index < withExtra { offset += 1 }
                let end = offset + (index + 1) * perSlice
                var chunk = Array(elements[min(start, elements.count)..<min(end, elements.count)])
                if let fill, index >= withExtra { chunk.append(fill) }
                result.append(.list(chunk))
            }
            return .list(result)
        }),
        ("items", FilterBox { _, value, _ in
            guard case .dictRef(let storage) = value else {
                if value.isUndefined { return .list([]) }
                throw TemplateRuntimeError("filter 'items' needs a mapping, not '\(value.typeName)'")
            }
            return .list(zip(storage.keys, storage.values).map { .tuple([$0, $1]) })
        }),
        ("dictsort", FilterBox { _, value, arguments in
            guard case .dictRef(let storage) = value else {
                throw TemplateRuntimeError("filter 'dictsort' needs a mapping, not '\(value.typeName)'")
            }
            let byValue = arguments.string(1, "by") == "value"
            let pairs = zip(storage.keys, storage.values).map { Value.tuple([$0, $1]) }
            return .list(
                try sorted(
                    pairs, reverse: arguments.bool(2, "reverse", default: false),
                    caseSensitive: arguments.bool(0, "case_sensitive", default: false),
                    key: { $0.asList?[byValue ? 1 : 0] ?? .none }))
        }),
        ("groupby", FilterBox { _, value, arguments in
            let path = try arguments.required(0, "attribute").renderedString()
            let elements = try sorted(try items(value, "groupby"), reverse: false, caseSensitive: true) { attribute($0, path) }
            var groups: [Value] = []
            var currentKey: Value?
            var members: [Value] = []
            for item in elements {
                let key = attribute(item, path)
                if let existing = currentKey, existing.isEqual(to: key) {
                    members.append(item)
                } else {
                    if let existing = currentKey { groups.append(group(existing, members)) }
                    currentKey = key
                    members = [item]
                }
            }
            if let existing = currentKey { groups.append(group(existing, members)) }
            return .list(groups)
        }),
        ("attr", FilterBox { _, value, arguments in attribute(value, try arguments.required(0, "name").renderedString()) }),
    ]

    static let lengthFilter: FilterFunction = { _, value, _ in
        switch value {
        case .string(let text): return .int(text.count)
        case .listRef(let storage): return .int(storage.items.count)
        case .dictRef(let storage): return .int(storage.count)
        case .undefined: return .int(0)
        case .object(let object) where object.iterationValues != nil: return .int(object.iterationValues?.count ?? 0)
        default: throw TemplateRuntimeError("object of type '\(value.typeName)' has no len()")
        }
    }

    static func extreme(_ value: Value, _ arguments: FilterArguments, wantMax: Bool) throws -> Value {
        let caseSensitive = arguments.bool(0, "case_sensitive", default: false)
        let path = arguments.string(1, "attribute")
        let ordered = try sorted(try items(value, wantMax ? "max" : "min"), reverse: false, caseSensitive: caseSensitive) { item in
            path.map { attribute(item, $0) } ?? item
        }
        return (wantMax ? ordered.last : ordered.first) ?? .undefined
    }

    static func selectItems(
        _ renderer: Renderer, _ value: Value, _ arguments: FilterArguments, attribute useAttribute: Bool, keep: Bool
    ) throws -> Value {
        var positional = arguments.positional
        var path: String?
        if useAttribute {
            guard !positional.isEmpty else { throw TemplateRuntimeError("selectattr() needs an attribute name") }
            path = positional.removeFirst().renderedString()
        }
        let test = try testByName(positional.first)
        let rest = Array(positional.dropFirst())
        var result: [Value] = []
        for item in try items(value, useAttribute ? "selectattr" : "select") {
            let subject = path.map { attribute(item, $0) } ?? item
            if try test(renderer, subject, rest) == keep { result.append(item) }
        }
        return .list(result)
    }
}

extension Filters {
    /// A `groupby` result: a named tuple `(grouper, list)`.
    static func group(_ key: Value, _ members: [Value]) -> Value {
        .listRef(ListStorage([key, .list(members)], fieldNames: ["grouper", "list"]))
    }
}
