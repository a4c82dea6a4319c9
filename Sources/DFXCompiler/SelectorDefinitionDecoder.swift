import DFXBasics
import DFXGraph
import DFXProject

/// Turns a `selectors.yml` definition (plain data, as the project loader read it) into the
/// graph layer's `SelectorDefinition`, following dbt's `parse_from_definition`.
public enum SelectorDefinitionDecoder {
    public static func namedSelectors(_ declarations: [SelectorDeclaration]) throws(DiagnosticError) -> [NamedSelector] {
        var result: [NamedSelector] = []
        var errors: [Diagnostic] = []
        for declaration in declarations {
            do {
                let definition = try decode(declaration.definition, at: declaration.location, selector: declaration.name)
                result.append(
                    NamedSelector(
                        name: declaration.name, description: declaration.description, definition: definition,
                        isDefault: declaration.isDefault, location: declaration.location))
            } catch {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return result
    }

    static func decode(_ value: ConfigValue, at location: SourceLocation, selector: String) throws(DiagnosticError) -> SelectorDefinition {
        switch value {
        case .string(let text):
            return .string(text, location: location)
        case .dict(let entries):
            if let union = entries["union"] { return .union(try list(union, at: location, selector: selector), location: location) }
            if let intersection = entries["intersection"] {
                return .intersection(try list(intersection, at: location, selector: selector), location: location)
            }
            if let exclude = entries["exclude"] { return .exclude(try list(exclude, at: location, selector: selector), location: location) }
            if let other = entries["selector"]?.stringValue { return .selector(other, location: location) }
            if let method = entries["method"]?.scalarText {
                let value = entries["value"]?.scalarText ?? ""
                if method == "selector" { return .selector(value, location: location) }
                return .method(
                    SelectorMethodDefinition(
                        method: method, value: value, parents: entries["parents"]?.boolValue ?? false,
                        parentsDepth: intValue(entries["parents_depth"]), children: entries["children"]?.boolValue ?? false,
                        childrenDepth: intValue(entries["children_depth"]),
                        childrensParents: entries["childrens_parents"]?.boolValue ?? false,
                        indirectSelection: entries["indirect_selection"]?.stringValue.flatMap(IndirectSelection.init(rawValue:)),
                        exclude: try entries["exclude"].map { value throws(DiagnosticError) in try list(value, at: location, selector: selector) },
                        location: location))
            }
            if entries.count == 1, let (method, value) = entries.first, let text = value.scalarText {
                return .method(
                    SelectorMethodDefinition(
                        method: method, value: text, parents: false, parentsDepth: nil, children: false, childrenDepth: nil,
                        childrensParents: false, indirectSelection: nil, exclude: nil, location: location))
            }
            throw DiagnosticError(
                Diagnostic(
                    .error, "selector '\(selector)' has a definition dfx cannot read", at: location,
                    hint: "use a string, 'method:'/'value:', 'union:', 'intersection:' or 'selector:'"))
        default:
            throw DiagnosticError(
                Diagnostic(.error, "selector '\(selector)': a definition must be a string or a mapping, found \(value.kindDescription)", at: location))
        }
    }

    private static func list(_ value: ConfigValue, at location: SourceLocation, selector: String) throws(DiagnosticError) -> [SelectorDefinition] {
        guard case .list(let items) = value else {
            throw DiagnosticError(
                Diagnostic(.error, "selector '\(selector)': union, intersection and exclude take a list, found \(value.kindDescription)", at: location))
        }
        var result: [SelectorDefinition] = []
        for item in items { result.append(try decode(item, at: location, selector: selector)) }
        return result
    }

    private static func intValue(_ value: ConfigValue?) -> Int? {
        if case .int(let number)? = value { return number }
        return value?.scalarText.flatMap { Int($0) }
    }
}
