import DFXBasics
import DFXTemplate

extension ConfigValue {
    /// This value as a template value (lists and dicts become fresh mutable template collections).
    public var templateValue: Value {
        switch self {
        case .null: return .none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .list(let items): return .list(items.map(\.templateValue))
        case .dict(let entries):
            return .dict(distinctKeys: entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value.templateValue) })
        }
    }

    /// A template value as plain data; functions, macros and objects become their printed text,
    /// undefined becomes null.
    public init(templateValue value: Value) {
        switch value {
        case .none, .undefined: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .listRef:
            self = .list((value.asList ?? []).map(ConfigValue.init(templateValue:)))
        case .dictRef:
            var entries: [String: ConfigValue] = [:]
            for (key, item) in value.asDict ?? [] { entries[key] = ConfigValue(templateValue: item) }
            self = .dict(entries)
        case .object(let object): self = .string(object.renderedString)
        case .function, .macro: self = .string(value.renderedString())
        }
    }
}
