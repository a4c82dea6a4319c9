import DFXBasics

/// The project's named YAML selectors, each compiled to a `SelectionSpec`.
///
/// Construction checks the whole file at once and reports every problem: duplicate names, more than
/// one `default: true`, references to unknown selectors (with suggestions), reference cycles
/// (`a -> b -> a`), misplaced or repeated `exclude:`, and bad atoms. Unlike dbt, a `selector:`
/// reference may name a selector defined later in the file.
public struct SelectorCatalog: Sendable {
    /// The selectors in file order.
    public let selectors: [NamedSelector]
    let specs: [String: SelectionSpec]

    /// Compiles every selector. Throws `DiagnosticError` listing all problems.
    public init(_ selectors: [NamedSelector]) throws {
        self.selectors = selectors
        var compiler = SelectorCompiler(selectors)
        for selector in selectors { _ = compiler.resolve(selector.name, from: nil, at: selector.location) }
        let defaults = selectors.filter(\.isDefault)
        if defaults.count > 1 {
            compiler.diagnostics.append(Diagnostic(
                .error, "found \(defaults.count) selectors with 'default: true'", at: defaults[1].location,
                hint: "at most one selector may be the default",
                notes: defaults.map { "'\($0.name)'" + ($0.location.map { " at \($0)" } ?? "") }))
        }
        if !compiler.diagnostics.isEmpty { throw DiagnosticError(compiler.diagnostics) }
        self.specs = compiler.resolved
    }

    /// The names of all selectors, in file order.
    public var names: [String] { selectors.map(\.name) }

    /// The selector marked `default: true`, if any.
    public var defaultSelector: NamedSelector? { selectors.first(where: \.isDefault) }

    /// The compiled spec of the default selector: what a command selects when given no `--select`,
    /// `--exclude` or `--selector`.
    public var defaultSpec: SelectionSpec? { defaultSelector.flatMap { specs[$0.name] } }

    /// The compiled spec of a named selector (`--selector name`).
    ///
    /// - Parameter location: where the name was written, for the diagnostic (e.g. file `--selector`).
    /// - Throws: `DiagnosticError` for an unknown name, suggesting near names.
    public func spec(named name: String, at location: SourceLocation? = nil) throws -> SelectionSpec {
        if let spec = specs[name] { return spec }
        throw DiagnosticError(Diagnostic(
            .error, "unknown selector '\(name)'", at: location, length: name.unicodeScalars.count,
            sourceLine: location == nil ? nil : name,
            hint: Suggestions.hint(for: name, in: names)
                ?? (names.isEmpty ? "no selectors are defined in selectors.yml"
                    : "defined selectors: " + names.joined(separator: ", "))))
    }
}
