/// How one node of `dfx run` / `dfx seed` ended, with what run_results.json records about it.
public struct NodeResult: Sendable {
    public enum Status: String, Sendable { case success, error, skipped }

    public var uniqueID: String
    public var status: Status
    /// `created view analytics.orders`, `INSERT 12`, the error text, or why it was skipped.
    public var message: String
    /// What was built, for progress lines: `view model analytics.orders`.
    public var label: String
    public var rowsAffected: Int?
    /// The rows in the relation after the node ran, when known without counting (a table or seed
    /// built whole); the run audit log records it for row-count drift checks.
    public var rowCount: Int?
    public var executionTime: Double
    /// `Thread-1` style worker name.
    public var threadID: String
    /// Unix seconds when the node started and finished (equal for skipped nodes).
    public var startedAt: Double
    public var completedAt: Double
    public var compiledCode: String?
    /// Every statement executed for the node.
    public var executedSQL: String?
    /// The 1-based position in the run's progress.
    public var index: Int

    public init(
        uniqueID: String, status: Status, message: String, label: String, rowsAffected: Int? = nil, executionTime: Double = 0,
        threadID: String = "", startedAt: Double = 0, completedAt: Double = 0, compiledCode: String? = nil,
        executedSQL: String? = nil, index: Int = 0
    ) {
        self.uniqueID = uniqueID
        self.status = status
        self.message = message
        self.label = label
        self.rowsAffected = rowsAffected
        self.executionTime = executionTime
        self.threadID = threadID
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.compiledCode = compiledCode
        self.executedSQL = executedSQL
        self.index = index
    }
}
