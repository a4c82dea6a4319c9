import DFXBasics
import DFXTemplate

extension NodeCompiler {
    /// Calls the macro `name` (`macro` or `package.macro`) with keyword `arguments`, as
    /// `dfx run-operation` does: `execute` is true, `run_query`/`statement` reach `database`, and
    /// `ref`/`source` resolve as in models. Returns the macro's result (its text, or what it
    /// passed to `return()`).
    public func callMacro(
        _ name: String, arguments: [String: ConfigValue], database: TemplateDatabase
    ) throws(DiagnosticError) -> Value {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let namespace = parts.count == 2 ? parts[0] : nil
        let macroName = parts[parts.count - 1]
        let location = SourceLocation(file: "<run-operation>", line: 1, column: 1)
        let found = namespace.map { manifest.environment.macro(named: macroName, namespace: $0) }
            ?? manifest.environment.macro(named: macroName, namespace: manifest.projectName)
            ?? manifest.environment.macro(named: macroName, namespace: nil)
        guard let macro = found else {
            let known = manifest.macros.map(\.name)
            throw DiagnosticError(
                Diagnostic(.error, "no macro named '\(name)'", at: location, hint: Suggestions.hint(for: macroName, in: known)))
        }
        var node = Node(
            uniqueID: "operation.\(manifest.projectName).\(macroName)", resourceType: .operation, name: macroName,
            packageName: manifest.projectName, fqn: [manifest.projectName, macroName], path: "", originalFilePath: "",
            location: location)
        node.schema = manifest.target.schema
        let adapter = AdapterObject(dialect: dialect, environment: manifest.environment, projectName: manifest.projectName, database: database)
        let context = NodeContext(relations: relations, dialect: dialect)
            .values(for: node, mode: .compile, recorder: CallRecorder(), database: database, adapter: adapter)
        let keyword = arguments.sorted { $0.key < $1.key }.map { ($0.key, $0.value.templateValue) }
        return try manifest.environment.call(macro, arguments: Arguments(positional: [], keyword: keyword, location: location), context: context)
    }
}
