/// The `loop` variable of a `{% for %}`: index, first/last, length, cycle() ...
final class LoopState: TemplateObject, @unchecked Sendable {
    let items: [Value]
    /// For `for k, v in d.items()` run without building the pairs: the values, parallel to `items`
    /// (the keys); `previtem`/`nextitem` build their pair when asked.
    let pairedValues: [Value]?
    @exclusivity(unchecked) var index0 = 0
    /// For a loop whose fields `LoopFieldNode`s read directly: the frame and slot of its `loop`
    /// variable (nil and -1 otherwise).
    let frame: ObjectIdentifier?
    let slot: Int

    init(items: [Value], pairedValues: [Value]? = nil, frame: ObjectIdentifier? = nil, slot: Int = -1) {
        self.items = items
        self.pairedValues = pairedValues
        self.frame = frame
        self.slot = slot
    }

    /// The plain fields of `loop` (all but `cycle`), resolved from the name at compile time.
    enum Field {
        case index, index0, first, last, length, revindex, revindex0, depth, depth0, previtem, nextitem

        /// Dispatches on the length first: comparing equal strings is cheap, unequal ones are not.
        init?(_ name: String) {
            let field: Field?
            switch name.utf8.count {
            case 4: field = name == "last" ? .last : nil
            case 5: field = name == "index" ? .index : name == "first" ? .first : name == "depth" ? .depth : nil
            case 6: field = name == "index0" ? .index0 : name == "length" ? .length : name == "depth0" ? .depth0 : nil
            case 8: field = name == "revindex" ? .revindex : name == "previtem" ? .previtem : name == "nextitem" ? .nextitem : nil
            case 9: field = name == "revindex0" ? .revindex0 : nil
            default: field = nil
            }
            guard let field else { return nil }
            self = field
        }
    }

    /// The value of a plain field (what `attribute(_:)` returns for its name).
    func value(of field: Field) -> Value {
        let length = items.count
        switch field {
        case .index: return .int(index0 + 1)
        case .index0: return .int(index0)
        case .first: return .bool(index0 == 0)
        case .last: return .bool(index0 == length - 1)
        case .length: return .int(length)
        case .revindex: return .int(length - index0)
        case .revindex0: return .int(length - index0 - 1)
        case .depth: return .int(1)
        case .depth0: return .int(0)
        case .previtem: return index0 > 0 ? item(index0 - 1) : .undefined
        case .nextitem: return index0 + 1 < length ? item(index0 + 1) : .undefined
        }
    }

    /// The item at `position` (a `(key, value)` tuple for a loop over paired keys and values).
    private func item(_ position: Int) -> Value {
        guard let pairedValues else { return items[position] }
        return .tuple([items[position], pairedValues[position]])
    }

    func attribute(_ name: String) -> Value? {
        if let field = Field(name) { return value(of: field) }
        switch name {
        case "cycle":
            let position = index0
            return .function(
                NativeFunction("loop.cycle") { arguments in
                    guard !arguments.positional.isEmpty else {
                        throw TemplateRuntimeError("loop.cycle() needs at least one argument")
                    }
                    return arguments.positional[position % arguments.positional.count]
                })
        default: return nil
        }
    }

    var renderedString: String { "<LoopContext \(index0 + 1)/\(items.count)>" }
}
