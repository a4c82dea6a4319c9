/// The kinds of resources a project declares, with dbt's names.
public enum ResourceType: String, Sendable, Hashable, CaseIterable, Codable {
    case model
    case seed
    case snapshot
    case test
    case source
    case analysis
    case macro
    case operation
}
