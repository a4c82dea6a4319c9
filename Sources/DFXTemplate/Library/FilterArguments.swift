/// The evaluated arguments of a filter, test or built-in method call.
struct FilterArguments {
    var positional: [Value]
    var keyword: [(String, Value)]

    /// The argument at `index`, else the keyword `name`.
    func value(_ index: Int, _ name: String) -> Value? {
        if index < positional.count { return positional[index] }
        return keyword.first { $0.0 == name }?.1
    }

    func required(_ index: Int, _ name: String) throws -> Value {
        guard let value = value(index, name) else { throw TemplateRuntimeError("missing required argument '\(name)'") }
        return value
    }

    func int(_ index: Int, _ name: String, default fallback: Int) throws -> Int {
        guard let value = value(index, name) else { return fallback }
        guard let number = value.asInt else {
            if case .double(let float) = value, let exact = Int(exactly: float.rounded(.towardZero)) { return exact }
            throw TemplateRuntimeError("argument '\(name)' must be an integer, not '\(value.typeName)'")
        }
        return number
    }

    func bool(_ index: Int, _ name: String, default fallback: Bool) -> Bool {
        value(index, name)?.isTruthy ?? fallback
    }

    func string(_ index: Int, _ name: String) -> String? {
        value(index, name)?.renderedString()
    }
}
