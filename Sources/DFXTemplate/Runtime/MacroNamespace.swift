/// `project_name` in `project_name.macro()`: the macros registered under one namespace.
struct MacroNamespace: TemplateObject {
    let name: String
    let macros: [String: Value]

    func attribute(_ name: String) -> Value? { macros[name] }

    var renderedString: String { "<namespace \(name)>" }
}
