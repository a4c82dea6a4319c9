import DFXBasics
import DFXTemplate
import DFXYAML

extension YAMLNode {
    /// This node as plain data, scalars typed as PyYAML would; `render` is applied to every string
    /// scalar that holds template syntax (`{{ env_var('X') }}`), except below `rawKeys`.
    public func configValue(render: YAMLStringRenderer? = nil, rawKeys: Set<String> = []) throws(DiagnosticError) -> ConfigValue {
        switch kind {
        case .scalar:
            guard let resolved = resolvedScalar else { return .null }
            switch resolved {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .int(let number): return .int(number)
            case .double(let number): return .double(number)
            case .string(let text):
                if let render, TemplateSyntax.hasTags(text) {
                    return NativeValue.convert(try render.render(text, at: self))
                }
                return .string(text)
            }
        case .sequence(let items):
            var values: [ConfigValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try item.configValue(render: render, rawKeys: rawKeys)) }
            return .list(values)
        case .mapping(let mapping):
            var entries: [String: ConfigValue] = [:]
            for entry in mapping.entries {
                guard let key = entry.key.scalarText else {
                    throw DiagnosticError(entry.key.diagnostic("a key must be a plain value, not a list or mapping"))
                }
                let childRender = rawKeys.contains(key) ? nil : render
                entries[key] = try entry.value.configValue(render: childRender, rawKeys: rawKeys)
            }
            return .dict(entries)
        }
    }
}
