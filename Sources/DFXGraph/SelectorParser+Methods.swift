import DFXBasics

extension SelectorParser {
    /// Every method name a user might mean, for suggestions.
    static var allMethodNames: [String] {
        SelectorMethod.allCases.map(\.rawValue) + SelectorMethod.unsupported
    }

    /// Splits `config.meta.owner` into the method and its arguments, reporting unknown, unsupported
    /// and malformed methods.
    static func resolveMethod(
        _ text: String, _ context: inout Context, at index: Int
    ) -> (SelectorMethod, [String])? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        let arguments = Array(parts.dropFirst())
        let length = text.unicodeScalars.count
        guard let method = SelectorMethod(rawValue: name) else {
            if SelectorMethod.unsupported.contains(name) {
                context.error(
                    "selector method '\(name)' is not supported by dfx", at: index, length: name.unicodeScalars.count,
                    hint: "dfx keeps no saved state, run results, exposures or metrics; select with "
                        + SelectorMethod.allCases.map(\.rawValue).joined(separator: ", "))
            } else {
                let near = Suggestions.hint(for: name, in: allMethodNames)
                context.error(
                    "unknown selector method '\(name)'", at: index, length: name.unicodeScalars.count,
                    hint: near ?? "valid methods: " + SelectorMethod.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return nil
        }
        if method == .config {
            if arguments.isEmpty || arguments.contains(where: \.isEmpty) {
                context.error(
                    "'\(text)' needs a config key after 'config.'", at: index, length: length,
                    hint: "write e.g. 'config.materialized:table' or 'config.meta.owner:alice'")
                return nil
            }
        } else if !arguments.isEmpty {
            context.error(
                "selector method '\(name)' takes no '.\(arguments.joined(separator: "."))' argument",
                at: index, length: length, hint: "write '\(name):value'")
            return nil
        }
        return (method, arguments)
    }

    /// Values that dbt rejects at selection time are rejected here, while the column is known.
    static func validate(
        value: String, method: SelectorMethod, _ context: inout Context, at index: Int, length: Int
    ) -> Bool {
        switch method {
        case .resourceType:
            if ResourceType(rawValue: value) != nil || ResourceType.knownButUnmodelled.contains(value) { return true }
            let names = ResourceType.allCases.map(\.rawValue)
            context.error(
                "unknown resource type '\(value)'", at: index, length: length,
                hint: Suggestions.hint(for: value, in: names) ?? "resource types: " + names.joined(separator: ", "))
            return false
        case .testType:
            if ["generic", "singular", "data", "schema", "unit"].contains(value) { return true }
            context.error(
                "unknown test type '\(value)'", at: index, length: length,
                hint: (Suggestions.hint(for: value, in: ["generic", "singular", "data", "unit"]).map { $0 + "; " } ?? "")
                    + "expected generic, singular, data or unit")
            return false
        case .source:
            if value.split(separator: ".", omittingEmptySubsequences: false).count <= 3 { return true }
            context.error(
                "invalid source selector '\(value)'", at: index, length: length,
                hint: "write source:<source_name>, source:<source_name>.<table_name> or source:<package>.<source_name>.<table_name>")
            return false
        case .fqn, .tag, .path, .file, .package, .config, .testName:
            return true
        }
    }
}
