import DFXBasics
import DFXProject
import DFXTemplate

extension ParseState {
    /// Renders `{{ doc('name') }}` (and any other template syntax) in node and column descriptions,
    /// as dbt does, so the manifest and the docs site hold the final text.
    mutating func renderDescriptions() {
        let blocks = docs
        let doc = NativeFunction("doc") { arguments in
            guard let name = arguments.value(at: 0, named: "name")?.asString else {
                throw TemplateRuntimeError("doc() takes the name of a {% docs %} block")
            }
            guard let block = blocks[name] else {
                throw TemplateRuntimeError(
                    "no {% docs \(name) %} block", hint: Suggestions.hint(for: name, in: blocks.keys) ?? "define it in a .md file under the docs paths")
            }
            return .string(block.text)
        }
        let context: [String: Value] = ["doc": .function(doc)]
        for index in nodes.indices {
            if let text = render(nodes[index].description, at: nodes[index].location, context: context) {
                nodes[index].description = text
            }
            for column in nodes[index].columns.indices {
                let location = nodes[index].columns[column].location
                if let text = render(nodes[index].columns[column].description, at: location, context: context) {
                    nodes[index].columns[column].description = text
                }
            }
        }
    }

    private mutating func render(_ text: String, at location: SourceLocation, context: [String: Value]) -> String? {
        guard text.contains("{{") || text.contains("{%") else { return nil }
        do {
            let template = try environment.compile(text, path: location.file)
            return try environment.render(template, context: context)
        } catch {
            // Positions inside the description string are relative to it: report at the YAML entry.
            for diagnostic in error.diagnostics {
                errors.append(Diagnostic(.error, "in a description: " + diagnostic.message, at: location, hint: diagnostic.hint))
            }
            return nil
        }
    }
}
