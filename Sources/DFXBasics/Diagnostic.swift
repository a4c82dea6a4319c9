/// One problem found in user input: where, what, and how to fix it.
///
/// Diagnostics are plain values so that a pass can collect all of them before failing,
/// and so that tests can compare them as golden text.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    public var severity: Severity
    /// What is wrong, in one sentence, lower-case first word as swiftc does.
    public var message: String
    /// Where; nil for problems that belong to no file (a missing profile, a failed connection).
    public var location: SourceLocation?
    /// How many columns the caret underline spans (at least 1).
    public var length: Int
    /// The source line at `location`, captured when the diagnostic is made.
    public var sourceLine: String?
    /// How to fix it, when dfx knows.
    public var hint: String?
    /// Further context, one line each (e.g. the chain of macro calls that led here).
    public var notes: [String]

    public init(
        _ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil,
        length: Int = 1, sourceLine: String? = nil, hint: String? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.sourceLine = sourceLine
        self.hint = hint
        self.notes = notes
    }

    /// The one-line form: `path:line:col: error: message`.
    public var headline: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }

    /// The full form, as printed: headline, source line, caret, notes and hint.
    public var description: String { DiagnosticFormatter().format(self) }
}

/// A failure made of one or more diagnostics (a pass that collected several problems).
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String {
        diagnostics.map { DiagnosticFormatter().format($0) }.joined(separator: "\n")
    }
}
