import DFXBasics

/// Parses `--select` / `--exclude` arguments into a `SelectionSpec`, exactly as dbt's
/// `parse_union`: whitespace-separated terms are a union, commas within a term an intersection, each
/// part one atom `[@][N+][method[.arg…]:]value[+[N]]`.
///
/// Problems are reported as diagnostics located in the argument itself (file `--select`, line =
/// the argument's position, column = the offending character); all problems are collected first.
public enum SelectorParser {
    /// Parses one argument (`"stg_orders+ tag:nightly,config.materialized:table"`).
    ///
    /// - Parameters:
    ///   - argument: the argument's text.
    ///   - flag: how diagnostics name the argument (`--select`, `--exclude`).
    ///   - line: the argument's number when the flag was given several times (1-based).
    /// - Throws: `DiagnosticError` with every problem found.
    public static func parse(_ argument: String, flag: String = "--select", line: Int = 1) throws -> SelectionSpec {
        var diagnostics: [Diagnostic] = []
        let spec = parse(argument, flag: flag, line: line, diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return spec
    }

    /// Parses a flag given several times (`--select a --select "b c"`) as one union; nil when empty.
    public static func parse(_ arguments: [String], flag: String = "--select") throws -> SelectionSpec? {
        var diagnostics: [Diagnostic] = []
        var terms: [SelectionSpec] = []
        for (offset, argument) in arguments.enumerated() {
            switch parse(argument, flag: flag, line: offset + 1, diagnostics: &diagnostics) {
            case .union(let parts): terms += parts
            case let other: terms.append(other)
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        if terms.isEmpty { return nil }
        return terms.count == 1 ? terms[0] : .union(terms)
    }

    /// The spec a command runs: `--select` (every node when empty) minus `--exclude`.
    ///
    /// As in dbt ≥ 1.5 (`parse_difference`), both sides use the command's indirect selection mode, so
    /// under the default (eager) excluding a model also excludes every test that depends on it.
    public static func commandLine(select: [String], exclude: [String]) throws -> SelectionSpec {
        var diagnostics: [Diagnostic] = []
        var include: SelectionSpec?
        var excluded: SelectionSpec?
        do { include = try parse(select, flag: "--select") } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        }
        do { excluded = try parse(exclude, flag: "--exclude") } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        let base = include ?? .all
        guard let excluded else { return base }
        return .difference(base, excluding: excluded)
    }

    /// Parses a single atom (a YAML selector's string shorthand). Whitespace and commas are rejected,
    /// since dbt reads such a string as one atom; use `union:` / `intersection:` instead.
    public static func parseCriteria(
        _ text: String, location: SourceLocation? = nil, sourceLine: String? = nil
    ) throws -> SelectionCriteria {
        let scalars = Array(text.unicodeScalars)
        var context = Context(
            scalars: scalars, file: location?.file, line: location?.line ?? 1,
            columnBase: (location?.column ?? 1) - 1, sourceLine: sourceLine)
        if let bad = scalars.firstIndex(where: { $0 == "," || $0.properties.isWhitespace }) {
            context.error(
                "a selector string must be a single atom; found '\(scalars[bad])'", at: bad,
                hint: "write several atoms as a list under 'union:' or 'intersection:'")
            throw DiagnosticError(context.diagnostics)
        }
        let criteria = parseAtom(&context, from: 0, to: scalars.count)
        if let criteria, context.diagnostics.isEmpty { return criteria }
        throw DiagnosticError(context.diagnostics)
    }

    static func parse(
        _ argument: String, flag: String, line: Int, diagnostics: inout [Diagnostic]
    ) -> SelectionSpec {
        let scalars = Array(argument.unicodeScalars)
        var context = Context(scalars: scalars, file: flag, line: line, columnBase: 0, sourceLine: argument)
        var terms: [SelectionSpec] = []
        var index = 0
        while index < scalars.count {
            if scalars[index].properties.isWhitespace {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            if let term = parseTerm(&context, from: index, to: end) { terms.append(term) }
            index = end
        }
        diagnostics += context.diagnostics
        if terms.isEmpty, context.diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                .error, "\(flag) is empty", at: SourceLocation(file: flag, line: line, column: 1),
                sourceLine: argument, hint: "name at least one node, e.g. \(flag) my_model"))
        }
        return terms.count == 1 ? terms[0] : .union(terms)
    }

    /// One whitespace-free term: atoms separated by commas.
    static func parseTerm(_ context: inout Context, from start: Int, to end: Int) -> SelectionSpec? {
        var atoms: [SelectionSpec] = []
        var partStart = start
        var failed = false
        for index in start...end where index == end || context.scalars[index] == "," {
            if index == partStart {
                context.error("empty selector between commas", at: min(index, end - 1), hint: "remove the extra ','")
                failed = true
            } else if let criteria = parseAtom(&context, from: partStart, to: index) {
                atoms.append(.criteria(criteria))
            } else {
                failed = true
            }
            partStart = index + 1
        }
        if failed || atoms.isEmpty { return nil }
        return atoms.count == 1 ? atoms[0] : .intersection(atoms)
    }
}
