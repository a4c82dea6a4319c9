import DFXBasics
import DFXTemplate

/// A mapping shared by every render of an invocation (`target`, `flags`), exposed as an immutable
/// host object: `target.name`, `target['schema']` and `target.get('threads', 1)` work, but no
/// template can change what another template, possibly on another thread, reads.
struct ReadOnlyMapping: TemplateObject {
    let name: String
    let entries: [String: ConfigValue]

    var renderedString: String {
        var json = JSONWriter()
        json.value(.dict(entries))
        return String(decoding: json.bytes, as: UTF8.self)
    }

    func attribute(_ attribute: String) -> Value? {
        if let value = entries[attribute] { return value.templateValue }
        let entries = self.entries
        switch attribute {
        case "get":
            return .function(
                NativeFunction("get") { arguments in
                    guard let key = arguments.value(at: 0, named: "key")?.asString else {
                        throw TemplateRuntimeError("\(name).get() needs a key")
                    }
                    return entries[key]?.templateValue ?? arguments.value(at: 1, named: "default") ?? .none
                })
        case "keys":
            return .function(NativeFunction("keys") { _ in .list(entries.keys.sorted().map(Value.string)) })
        case "items":
            return .function(
                NativeFunction("items") { _ in
                    .list(entries.keys.sorted().compactMap { key in entries[key].map { .tuple([.string(key), $0.templateValue]) } })
                })
        default:
            return nil
        }
    }
}
