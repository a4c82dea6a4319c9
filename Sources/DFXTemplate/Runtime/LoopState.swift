/// The `loop` variable of a `{% for %}`: index, first/last, length, cycle() ...
final class LoopState: TemplateObject, @unchecked Sendable {
    let items: [Value]
    @exclusivity(unchecked) var index0 = 0

    init(items: [Value]) { self.items = items }

    func attribute(_ name: String) -> Value? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "depth": return .int(1)
        case "depth0": return .int(0)
        case "previtem": return index0 > 0 ? items[index0 - 1] : .undefined
        case "nextitem": return index0 + 1 < length ? items[index0 + 1] : .undefined
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
