public import DFXBasics

extension YAMLNode {
    /// A diagnostic at this node, quoting its source line so that it prints with a caret.
    public func diagnostic(
        _ message: String, severity: Diagnostic.Severity = .error, notes: [String] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            severity, message, at: location, length: length, sourceLine: source?.lineText(location.line),
            hint: hint, notes: notes)
    }

    /// "<subject> must be <expected>, found <what this node is>", e.g.
    /// `'tests' must be a list, found a mapping`.
    public func typeMismatch(_ subject: String, expected: String, hint: String? = nil) -> Diagnostic {
        diagnostic("\(subject) must be \(expected), found \(valueKind.phrase)", hint: hint)
    }
}
