/// How one node of a run ended.
public enum NodeOutcome: Sendable, Equatable {
    /// It ran and succeeded; the message is the one-line result (`created table …`).
    case success(String)
    /// It ran and failed: its selected descendants are skipped.
    case failure(String)
    /// A warning-level failure (a test with severity warn): descendants still run.
    case warning(String)
    /// It did not run, because of `reason` (a failed ancestor, or fail-fast).
    case skipped(reason: String)

    /// Whether descendants may run after this outcome.
    public var letsDescendantsRun: Bool {
        switch self {
        case .success, .warning: return true
        case .failure, .skipped: return false
        }
    }
}
