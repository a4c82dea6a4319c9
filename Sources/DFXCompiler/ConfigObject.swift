import DFXBasics
import DFXProject
import DFXTemplate

/// dbt's `config` in templates: `config(materialized='table')` sets (recorded while parsing, a
/// no-op when compiling), `config.get('key', default)` and `config.require('key')` read the node's
/// merged config.
struct ConfigObject: TemplateObject {
    let values: [String: ConfigValue]
    /// Present while parsing: where `config(...)` calls are recorded.
    let recorder: CallRecorder?

    var renderedString: String { "<config>" }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments) throws -> Value {
        guard let recorder else { return .string("") }
        var entries: [String: ConfigValue] = [:]
        if let first = arguments.positional.first, let pairs = first.asDict {
            for (key, value) in pairs { entries[key] = ConfigValue(templateValue: value) }
        }
        for (key, value) in arguments.keyword { entries[key] = ConfigValue(templateValue: value) }
        ConfigMerge.apply(entries, onto: &recorder.config)
        return .string("")
    }

    func attribute(_ name: String) -> Value? {
        let values = self.values
        let recorded = recorder
        @Sendable func lookup(_ key: String) -> ConfigValue? {
            let canonical = ConfigMerge.canonicalKey(key)
            return recorded?.config[canonical] ?? values[canonical]
        }
        switch name {
        case "get":
            return .function(
                NativeFunction("get") { arguments in
                    guard let key = arguments.value(at: 0, named: "name")?.asString else {
                        throw TemplateRuntimeError("config.get() needs a key")
                    }
                    if let value = lookup(key) { return value.templateValue }
                    return arguments.value(at: 1, named: "default") ?? .none
                })
        case "require":
            return .function(
                NativeFunction("require") { arguments in
                    guard let key = arguments.value(at: 0, named: "name")?.asString else {
                        throw TemplateRuntimeError("config.require() needs a key")
                    }
                    guard let value = lookup(key) else {
                        throw TemplateRuntimeError("config '\(key)' is required but not set", hint: "set it with config(\(key)=...) or in the project file")
                    }
                    return value.templateValue
                })
        case "set":
            return .function(NativeFunction("set") { _ in .string("") })
        default:
            return nil
        }
    }
}
