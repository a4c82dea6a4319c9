/// How one source table's freshness check ended, with what target/sources.json records.
public struct FreshnessResult: Sendable {
    /// dbt's statuses: pass, warn, error (stale), runtime error (the check could not run).
    public enum Status: String, Sendable {
        case pass, warn, error
        case runtimeError = "runtime error"
    }

    public var uniqueID: String
    /// `raw.orders`.
    public var label: String
    public var status: Status
    public var criteria: FreshnessCriteria
    /// Unix seconds of the latest load and of the check; nil when unknown.
    public var maxLoadedAt: Double?
    public var snapshottedAt: Double?
    /// For a runtime error: why.
    public var error: String?
    public var executionTime: Double = 0
    public var threadID: String = ""
    public var startedAt: Double = 0
    public var completedAt: Double = 0
    /// The 1-based position in the run's progress.
    public var index: Int = 0

    public init(uniqueID: String, label: String, status: Status, criteria: FreshnessCriteria) {
        self.uniqueID = uniqueID
        self.label = label
        self.status = status
        self.criteria = criteria
    }

    /// How old the latest load is, in seconds.
    public var age: Double? {
        guard let maxLoadedAt, let snapshottedAt else { return nil }
        return snapshottedAt - maxLoadedAt
    }
}
