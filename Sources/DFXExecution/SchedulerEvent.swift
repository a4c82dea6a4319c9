/// What the scheduler reports while it runs, for progress lines and structured logs.
public enum SchedulerEvent: Sendable, Equatable {
    /// A node started on worker `worker` (0-based); `index` is its 1-based start order.
    case started(node: String, index: Int, total: Int, worker: Int)
    /// A node finished (or was skipped) with `outcome` after `seconds`.
    case finished(node: String, index: Int, total: Int, outcome: NodeOutcome, seconds: Double)
}
