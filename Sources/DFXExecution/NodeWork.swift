/// What building or testing one node produced, before it becomes a `NodeResult`.
struct NodeWork {
    var status: NodeResult.Status = .success
    var message: String
    var rows: Int?
    var code: String?
    var failures: Int?
    var summary: String?
    var sample: RowSample?
    var relationName: String?
    /// The relation's row count when the build created every row (tables, seeds).
    var rowCount: Int?
    /// See `NodeResult.measuredRelation`.
    var measuredRelation: String?

    init(message: String, rows: Int? = nil, code: String? = nil, rowCount: Int? = nil) {
        self.message = message
        self.rows = rows
        self.code = code
        self.rowCount = rowCount
    }
}
