/// Whether a data test is generic (declared in YAML, e.g. `unique`) or singular (a SQL file in `tests/`).
public enum TestType: String, Sendable, Hashable, Codable {
    /// Declared in YAML under `tests:`/`data_tests:` and rendered from a test macro.
    case generic
    /// A SQL file under `tests/`.
    case singular
}
