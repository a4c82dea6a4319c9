import DFXBasics

/// Turns `SelectorDefinition`s into `SelectionSpec`s, resolving `selector:` references depth-first
/// with cycle detection and collecting every diagnostic.
struct SelectorCompiler {
    let byName: [String: NamedSelector]
    var resolved: [String: SelectionSpec] = [:]
    var failed: Set<String> = []
    /// Names being resolved, innermost last: the current reference chain.
    var stack: [String] = []
    var diagnostics: [Diagnostic] = []

    init(_ selectors: [NamedSelector]) {
        var byName: [String: NamedSelector] = [:]
        var diagnostics: [Diagnostic] = []
        for selector in selectors {
            if let first = byName[selector.name] {
                diagnostics.append(Diagnostic(
                    .error, "duplicate selector name '\(selector.name)'", at: selector.location,
                    hint: "rename one of them",
                    notes: first.location.map { ["first defined at \($0)"] } ?? []))
            } else {
                byName[selector.name] = selector
            }
        }
        self.byName = byName
        self.diagnostics = diagnostics
    }

    /// The spec of a named selector; nil (with a diagnostic) when it is unknown, cyclic or invalid.
    mutating func resolve(_ name: String, from referrer: String?, at location: SourceLocation?) -> SelectionSpec? {
        if let spec = resolved[name] { return spec }
        if failed.contains(name) { return nil }
        guard let selector = byName[name] else {
            diagnostics.append(Diagnostic(
                .error, "selector '\(referrer ?? "")' refers to unknown selector '\(name)'", at: location,
                hint: Suggestions.hint(for: name, in: byName.keys)))
            return nil
        }
        if let start = stack.firstIndex(of: name) {
            let chain = (stack[start...] + [name]).joined(separator: " -> ")
            diagnostics.append(Diagnostic(
                .error, "selectors refer to each other in a cycle: \(chain)", at: location,
                hint: "a selector cannot include itself, directly or through other selectors",
                notes: stack[start...].map { cycleNote($0) }))
            failed.insert(name)
            return nil
        }
        stack.append(name)
        let spec = compile(selector.definition, in: name)
        stack.removeLast()
        if let spec { resolved[name] = spec } else { failed.insert(name) }
        return spec
    }

    private func cycleNote(_ name: String) -> String {
        "'\(name)'" + (byName[name]?.location.map { " defined at \($0)" } ?? "")
    }

    mutating func compile(_ definition: SelectorDefinition, in owner: String) -> SelectionSpec? {
        switch definition {
        case .string(let text, let location):
            do {
                return .criteria(try SelectorParser.parseCriteria(text, location: location))
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics
            } catch {
                diagnostics.append(Diagnostic(.error, "\(error)", at: location))
            }
            return nil
        case .method(let method):
            return compile(method, in: owner)
        case .union(let items, let location), .intersection(let items, let location):
            let isUnion: Bool
            if case .union = definition { isUnion = true } else { isUnion = false }
            var includes: [SelectionSpec] = []
            var excluded: SelectionSpec?
            var sawExclude = false
            var ok = true
            for item in items {
                if case .exclude(let parts, let excludeLocation) = item {
                    if sawExclude {
                        diagnostics.append(Diagnostic(
                            .error, "a '\(isUnion ? "union" : "intersection")' can have only one 'exclude'",
                            at: excludeLocation ?? location, hint: "list everything to exclude under one 'exclude:'"))
                        ok = false
                    }
                    sawExclude = true
                    if let spec = compileList(parts, in: owner) { excluded = spec } else { ok = false }
                } else if let spec = compile(item, in: owner) {
                    includes.append(spec)
                } else {
                    ok = false
                }
            }
            guard ok else { return nil }
            let combined: SelectionSpec = isUnion ? .union(includes) : .intersection(includes)
            return excluded.map { .difference(combined, excluding: $0) } ?? combined
        case .exclude(_, let location):
            diagnostics.append(Diagnostic(
                .error, "'exclude' must be an item of a 'union' or 'intersection' list", at: location,
                hint: "write 'union: [<selection>, {exclude: [...]}]'"))
            return nil
        case .selector(let name, let location):
            return resolve(name, from: owner, at: location)
        }
    }

    /// A list of definitions as one spec: the only one, or their union.
    mutating func compileList(_ items: [SelectorDefinition], in owner: String) -> SelectionSpec? {
        var specs: [SelectionSpec] = []
        var ok = true
        for item in items {
            if let spec = compile(item, in: owner) { specs.append(spec) } else { ok = false }
        }
        guard ok else { return nil }
        return specs.count == 1 ? specs[0] : .union(specs)
    }

    mutating func compile(_ definition: SelectorMethodDefinition, in owner: String) -> SelectionSpec? {
        if definition.method == "selector" {
            return resolve(definition.value, from: owner, at: definition.location)
        }
        guard let criteria = SelectorParser.criteria(from: definition, diagnostics: &diagnostics) else { return nil }
        guard let excludes = definition.exclude else { return .criteria(criteria) }
        guard let excluded = compileList(excludes, in: owner) else { return nil }
        return .difference(.criteria(criteria), excluding: excluded)
    }
}
