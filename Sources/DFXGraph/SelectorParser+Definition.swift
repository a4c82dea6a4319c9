import DFXBasics

extension SelectorParser {
    /// Builds the atom of a full YAML method definition, checking its method and value as the CLI
    /// parser does (diagnostics point at the definition's location).
    static func criteria(
        from definition: SelectorMethodDefinition, diagnostics: inout [Diagnostic]
    ) -> SelectionCriteria? {
        let location = definition.location
        var context = Context(
            scalars: Array(definition.method.unicodeScalars), file: location?.file, line: location?.line ?? 1,
            columnBase: (location?.column ?? 1) - 1, sourceLine: nil)
        defer { diagnostics += context.diagnostics }
        if definition.value.isEmpty {
            context.error("selector method '\(definition.method)' has an empty value", at: 0, hint: "give 'value:' a node name, tag, path, …")
            return nil
        }
        if definition.childrensParents && definition.children {
            // dbt's SelectionCriteria.__post_init__ rejects this in every form.
            context.error(
                "'childrens_parents' cannot be combined with 'children'", at: 0,
                hint: "'childrens_parents' already selects every descendant; remove 'children: true'")
            return nil
        }
        guard let (method, arguments) = resolveMethod(definition.method, &context, at: 0),
            validate(value: definition.value, method: method, &context, at: 0, length: 1)
        else { return nil }
        return SelectionCriteria(
            method: method, arguments: arguments, value: definition.value, parents: definition.parents,
            parentsDepth: definition.parents ? definition.parentsDepth : nil, children: definition.children,
            childrenDepth: definition.children ? definition.childrenDepth : nil,
            childrensParents: definition.childrensParents, indirectSelection: definition.indirectSelection)
    }
}
