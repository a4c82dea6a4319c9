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

    init(message: String, rows: Int? = nil, code: String? = nil) {
        self.message = message
        self.rows = rows
        self.code = code
    }
}
