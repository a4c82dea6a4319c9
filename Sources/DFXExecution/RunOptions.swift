/// How `dfx run` / `seed` / `test` / `build` run: workers, fail-fast, full refresh, test flags, the invocation.
public struct RunOptions: Sendable {
    public var threads: Int
    public var failFast: Bool
    public var fullRefresh: Bool
    /// The invocation's ID; its first 8 hexadecimal digits name intermediate relations.
    public var invocationID: String
    /// The project's target folder as configured (`target`), for paths printed in messages.
    public var targetPath: String
    /// The run's one execution time (UTC, `YYYY-MM-DD HH:MM:SS[.ffffff]`) for snapshots and scd2
    /// models; `ExecutionTime.now()` unless pinned (`--snapshot-time`).
    public var executionTime: String
    /// `--warn-error`: a test that would warn fails instead.
    public var warnError = false
    /// `--store-failures`: every test keeps its failing rows (dbt's flag).
    public var storeFailures = false
    /// The project's folder, to quote YAML lines in test errors.
    public var projectRoot = ""
    /// The run audit log's schema, nil when the log is off (`row_count_drift` reads it).
    public var auditLogSchema: String?

    public init(
        threads: Int, failFast: Bool = false, fullRefresh: Bool = false, invocationID: String, targetPath: String = "target",
        executionTime: String? = nil
    ) {
        self.threads = threads
        self.targetPath = targetPath
        self.failFast = failFast
        self.fullRefresh = fullRefresh
        self.invocationID = invocationID
        self.executionTime = executionTime ?? ExecutionTime.now()
    }

    /// 8 lower-case alphanumeric characters of the invocation ID (`run` when it has none).
    public var relationSuffix: String {
        let characters = invocationID.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return characters.isEmpty ? "run" : String(characters.prefix(8))
    }
}
