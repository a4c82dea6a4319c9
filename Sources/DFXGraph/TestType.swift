/// Whether a data test is generic (declared in YAML, e.g. `unique`) or singular (a SQL file in `tests/`).
public enum TestType: String, Sendable, Hashable, Codable {
    case generic, singular
}
