/// How one node of `dfx run` / `seed` / `test` / `build` ended, with what run_results.json records
/// about it.
public struct NodeResult: Sendable {
    /// dbt's statuses: `success`/`error`/`skipped` for built nodes, `pass`/`fail`/`warn`/`error`/
    /// `skipped` for tests.
    public enum Status: String, Sendable { case success, error, skipped, pass, fail, warn }

    public var uniqueID: String
    public var status: Status
    /// `created view analytics.orders`, `INSERT 12`, `Got 3 results, configured to fail if != 0`,
    /// the error text, or why it was skipped.
    public var message: String
    /// What was built, for progress lines: `view model analytics.orders`, or a test's name.
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
    /// For tests: the failure count (`fail_calc`, by default the failing rows).
    public var failures: Int?
    /// For failing or warning tests: what failed, in words (`2 values of orders.id appear more than once`).
    public var summary: String?
    /// For failing or warning tests: the first rows the test returned.
    public var sample: RowSample?
    /// For tests with `store_failures`: the relation holding the failing rows.
    public var relationName: String?
    /// The relation (`schema.name`) whose row count `rowCount` is, when it is not the node's own:
    /// a `row_count_drift` test records the count it measured for its model.
    public var measuredRelation: String?

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

    /// Whether the node failed the run: an error, or a test failing at error severity.
    public var isFailure: Bool { status == .error || status == .fail }
}
